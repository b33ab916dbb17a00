package se.conformance.simulator.intyg.status;

import java.util.List;
import java.util.Objects;

/**
 * Which statuses of a certificate an asking part sees in GetCertificate, ListCertificatesForCare and
 * ListCertificatesForCitizen (intyg.md §6.1, Intygstjänsten's state filter):
 * <ul>
 *   <li>{@value Parts#INVANA} (the citizen): every status;</li>
 *   <li>{@value Parts#HSVARD} (care): every status but DELETE and RESTOR;</li>
 *   <li>any other part (a recipient such as {@code FKASSA}): no DELETE or RESTOR, and SENTTO only when
 *       it was sent to that part.</li>
 * </ul>
 * Order is kept.
 */
public final class StatusFilter {
    private StatusFilter() {}

    public static List<CertificateStatus> visibleTo(String part, List<CertificateStatus> statuses) {
        Objects.requireNonNull(part, "part");
        return statuses.stream().filter(s -> visible(part, s)).toList();
    }

    static boolean visible(String part, CertificateStatus s) {
        if (Parts.INVANA.equals(part)) return true;
        boolean archive = s.status() == StatusCode.DELETE || s.status() == StatusCode.RESTOR;
        if (Parts.HSVARD.equals(part)) return !archive;
        if (archive) return false;
        return s.status() != StatusCode.SENTTO || part.equals(s.part());
    }

    /** Revoked: a CANCEL entry exists. */
    public static boolean revoked(List<CertificateStatus> statuses) {
        return statuses.stream().anyMatch(s -> s.status() == StatusCode.CANCEL);
    }

    /** Archived by the citizen: the latest DELETE/RESTOR entry is a DELETE. */
    public static boolean archived(List<CertificateStatus> statuses) {
        boolean archived = false;
        for (CertificateStatus s : statuses) {
            if (s.status() == StatusCode.DELETE) archived = true;
            else if (s.status() == StatusCode.RESTOR) archived = false;
        }
        return archived;
    }

    /** Sent to {@code recipient}: a SENTTO entry with that part exists. */
    public static boolean sentTo(List<CertificateStatus> statuses, String recipient) {
        return statuses.stream().anyMatch(s -> s.status() == StatusCode.SENTTO && s.part().equals(recipient));
    }

    /** Every distinct recipient the certificate was sent to, in the order of first sending. */
    public static List<String> recipients(List<CertificateStatus> statuses) {
        return statuses.stream().filter(s -> s.status() == StatusCode.SENTTO).map(CertificateStatus::part)
                .distinct().toList();
    }
}
