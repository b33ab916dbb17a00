package se.conformance.simulator.intyg.sickleave;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;

/**
 * Builds one patient's sick-leave cases (sjukfall) from the svar-32 periods of their certificates, as
 * ListSickLeavesForCare answers them (intyg.md §3.1; our simple model, documented in docs/intyg-rules.md):
 * <ul>
 *   <li>all periods of all certificates are taken together, sorted by start;</li>
 *   <li>a period joins the current case when it overlaps it or the gap (days between the case's end and
 *       the period's start, both exclusive) is at most {@code maxDaysBetween}; otherwise it starts a new case;</li>
 *   <li>a case's {@code days} are the distinct days covered by its periods (gaps are not counted);</li>
 *   <li>its grade is that of the period covering {@code today}, or else of the period that ends last;</li>
 *   <li>its latest certificate (latest signing time) gives the diagnosis and the doctor.</li>
 * </ul>
 */
public final class SickLeaveMerger {
    private SickLeaveMerger() {}

    /** A certificate with its periods. */
    public record CertificatePeriods(String certificateId, LocalDateTime signedAt, String issuerId, String issuerName,
            String diagnosisCode, List<SickLeavePeriod> periods) {}

    /** One case. */
    public record Case(LocalDate start, LocalDate end, int days, String grade, CertificatePeriods latest,
            List<String> certificateIds) {
        public boolean activeOn(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    private record Item(SickLeavePeriod period, CertificatePeriods certificate) {}

    public static List<Case> merge(List<CertificatePeriods> certificates, int maxDaysBetween, LocalDate today) {
        if (maxDaysBetween < 0) throw new IllegalArgumentException("maxDaysBetween must not be negative");
        List<Item> items = new ArrayList<>();
        for (CertificatePeriods c : certificates) {
            for (SickLeavePeriod p : c.periods()) {
                if (p.start() != null && p.end() != null && !p.end().isBefore(p.start())) items.add(new Item(p, c));
            }
        }
        items.sort(Comparator.comparing((Item i) -> i.period().start()).thenComparing(i -> i.period().end()));
        List<Case> cases = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        LocalDate end = null;
        for (Item item : items) {
            if (end != null && ChronoUnit.DAYS.between(end, item.period().start()) - 1 > maxDaysBetween) {
                cases.add(toCase(current, today));
                current = new ArrayList<>();
                end = null;
            }
            current.add(item);
            end = end == null || item.period().end().isAfter(end) ? item.period().end() : end;
        }
        if (!current.isEmpty()) cases.add(toCase(current, today));
        return cases;
    }

    private static Case toCase(List<Item> items, LocalDate today) {
        LocalDate start = items.get(0).period().start();
        Set<LocalDate> covered = new TreeSet<>();
        LocalDate end = start;
        Item lastEnding = items.get(0);
        String gradeToday = null;
        Set<String> ids = new LinkedHashSet<>();
        CertificatePeriods latest = null;
        for (Item i : items) {
            SickLeavePeriod p = i.period();
            for (LocalDate d = p.start(); !d.isAfter(p.end()); d = d.plusDays(1)) covered.add(d);
            if (p.end().isAfter(end)) end = p.end();
            if (!p.end().isBefore(lastEnding.period().end())) lastEnding = i;
            if (!today.isBefore(p.start()) && !today.isAfter(p.end())) gradeToday = p.grade();
            ids.add(i.certificate().certificateId());
            if (latest == null || later(i.certificate(), latest)) latest = i.certificate();
        }
        String grade = gradeToday != null ? gradeToday : lastEnding.period().grade();
        return new Case(start, end, covered.size(), grade, latest, List.copyOf(ids));
    }

    private static boolean later(CertificatePeriods a, CertificatePeriods b) {
        if (a.signedAt() == null) return false;
        if (b.signedAt() == null) return true;
        int byTime = a.signedAt().compareTo(b.signedAt());
        return byTime > 0 || byTime == 0 && !Objects.equals(a.certificateId(), b.certificateId())
                && a.certificateId().compareTo(b.certificateId()) > 0;
    }
}
