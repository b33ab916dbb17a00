package se.conformance.reports;

import static se.conformance.reports.Html.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import se.conformance.approval.level.ItemStatus;

/**
 * {@code summary.html}: the summary for people, as one self-contained page — inline CSS, no
 * scripts, no external URLs — so it opens from {@code file://}, from an evidence archive or a
 * mail attachment alike. Swedish headings with English subtitles. Every piece of data goes
 * through {@link Html#escape}: profile and attestation text come from the vendor.
 */
public final class SummaryHtml {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1d1d1f;line-height:1.4}
            h1,h2{margin-bottom:.3rem}h1 small,h2 small{font-weight:normal;color:#666;font-size:.6em;margin-left:.5rem}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}
            th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
            th{background:#f2f2f2}th small{display:block;font-weight:normal;color:#666}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
            .verdict{font-size:1.2rem;font-weight:bold;padding:.6rem;border-radius:4px}
            .verdict.reached{background:#e3f4e3}.verdict.not-reached{background:#fbe4e4}
            .passed,.attested,.level-passed{color:#1a7f1a}.failed,.missing-attestation,.level-failed{color:#b00020}
            .skipped{color:#a15c00}.not-applicable{color:#666}code{font-size:.9em;white-space:nowrap}
            """;

    private SummaryHtml() {}

    /** The page as text. */
    public static String toHtml(ApprovalSummary s) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Godkännandesammanfattning – ").append(escape(s.system())).append(' ')
                .append(escape(s.version())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        h.append("<h1>Godkännandesammanfattning<small>Approval summary</small></h1>\n");
        h.append("<p class=\"verdict ").append(s.reachedLevel() >= s.targetLevel() ? "reached" : "not-reached")
                .append("\" id=\"verdict\">").append(escape(s.verdict())).append("</p>\n");
        h.append("<dl>\n");
        term(h, "System", s.system());
        term(h, "Version", s.version());
        term(h, "Leverantör (supplier)", s.supplier());
        term(h, "Körning (run)", s.runId());
        term(h, "Målnivå (target level)", "Nivå " + s.targetLevel());
        term(h, "Uppnådd nivå (reached level)", "Nivå " + s.reachedLevel());
        term(h, "Uppskattad nivå (estimated level)", "Nivå " + s.estimatedLevel().level() + " ("
                + s.estimatedLevel().label() + "): " + s.estimatedLevel().basis());
        h.append("</dl>\n");

        section(h, "Nivåer", "Levels");
        header(h, "Nivå|Level", "Status|Status", "Blockerande krav|Blocking items");
        for (LevelOutcome level : s.levels()) {
            h.append("<tr id=\"level-").append(level.level()).append("\"><td>").append(escape(level.name()))
                    .append("</td><td class=\"").append(level.passed() ? "level-passed" : "level-failed").append("\">")
                    .append(level.passed() ? "uppfylld (passed)" : "ej uppfylld (not passed)").append("</td><td>")
                    .append(escape(String.join(", ", level.blocking()))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        section(h, "Krav", "Checklist items");
        header(h, "Id|Id", "Titel|Title", "Nivå|Level", "Tjänst|Service", "Status|Status", "Orsak|Reason",
                "Tillämplighet|Applicability", "Spår-id|Trace ids");
        for (ItemOutcome item : s.items()) {
            String reason = item.reason();
            if (item.deviation() != null) {
                reason = (reason.isEmpty() ? "" : reason + " — ") + deviationNote(item.deviation());
            }
            h.append("<tr id=\"item-").append(escape(item.id())).append("\"><td><code>").append(escape(item.id()))
                    .append("</code></td><td>").append(escape(item.title().sv())).append("<br><small>")
                    .append(escape(item.title().en())).append("</small></td><td>").append(item.level())
                    .append("</td><td>").append(escape(item.service().jsonName())).append("</td><td class=\"")
                    .append(item.status().jsonName()).append("\">").append(statusText(item.status()))
                    .append("</td><td>").append(escape(reason)).append("</td><td>").append(escape(item.applicability()))
                    .append("</td><td>").append(escape(String.join(", ", item.traceIds()))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        section(h, "Intyganden", "Attestations");
        if (s.attestations().isEmpty()) {
            h.append("<p>Inga (none).</p>\n");
        } else {
            header(h, "Krav|Item", "Intygande|Statement", "Undertecknat av|Signed by", "Datum|Signed at");
            for (Attestation a : s.attestations()) {
                h.append("<tr><td><code>").append(escape(a.item())).append("</code></td><td>")
                        .append(escape(a.statement())).append("</td><td>").append(escape(a.signedBy()))
                        .append("</td><td>").append(a.signedAt()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        section(h, "Avvikelser", "Deviations");
        if (s.deviations().isEmpty()) {
            h.append("<p>Inga (none).</p>\n");
        } else {
            header(h, "Krav|Item", "Orsak|Reason", "Godkänd av|Approved by", "Giltig t.o.m.|Expires",
                    "Status|Status");
            for (DeviationOutcome d : s.deviations()) {
                h.append("<tr><td><code>").append(escape(d.item())).append("</code></td><td>")
                        .append(escape(d.reason())).append("</td><td>").append(escape(d.approvedBy()))
                        .append("</td><td>").append(d.expires()).append("</td><td class=\"")
                        .append(d.valid() ? "passed" : "failed").append("\">")
                        .append(d.valid() ? "giltig (valid)" : "utgången (expired)").append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        section(h, "Kapabiliteter", "Declared capabilities");
        header(h, "Tjänst|Service", "Roll|Role", "Kontrakt|Contracts");
        s.capabilities().forEach(c -> h.append("<tr><td>").append(escape(c.service().jsonName())).append("</td><td>")
                .append(escape(c.role().jsonName())).append("</td><td>")
                .append(escape(String.join(", ", c.contracts()))).append("</td></tr>\n"));
        h.append("</table>\n");

        section(h, "Versioner och tider", "Versions and times");
        h.append("<dl>\n");
        term(h, "Simulator", s.simulatorVersion());
        term(h, "Harness", s.harnessVersion());
        term(h, "Checklista (checklist)", s.checklistVersion());
        term(h, "Checklistans kontrollsumma (checklist digest)", s.checklistDigest());
        term(h, "Start (started)", String.valueOf(s.startedAt()));
        term(h, "Slut (finished)", String.valueOf(s.finishedAt()));
        h.append("</dl>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Writes the page to {@code file} (UTF-8). */
    public static void write(ApprovalSummary summary, Path file) throws IOException {
        Files.writeString(file, toHtml(summary), StandardCharsets.UTF_8);
    }

    static String statusText(ItemStatus status) {
        return switch (status) {
            case PASSED -> "uppfyllt (passed)";
            case FAILED -> "ej uppfyllt (failed)";
            case SKIPPED -> "ej genomfört (skipped)";
            case NOT_APPLICABLE -> "ej tillämpligt (not applicable)";
            case ATTESTED -> "intygat (attested)";
            case MISSING_ATTESTATION -> "intygande saknas (missing attestation)";
        };
    }

    static String deviationNote(DeviationOutcome d) {
        return (d.valid() ? "avvikelse godkänd t.o.m. " : "avvikelse utgången ") + d.expires() + " ("
                + (d.valid() ? "deviation accepted until" : "deviation expired") + ")";
    }

    private static void term(StringBuilder h, String term, String value) {
        h.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static void section(StringBuilder h, String sv, String en) {
        h.append("<h2>").append(sv).append("<small>").append(en).append("</small></h2>\n");
    }

    /** A table start and header row; each column is "Swedish|English". */
    private static void header(StringBuilder h, String... columns) {
        h.append("<table>\n<tr>");
        for (String column : columns) {
            String[] parts = column.split("\\|", 2);
            h.append("<th>").append(escape(parts[0])).append("<small>").append(escape(parts[1])).append("</small></th>");
        }
        h.append("</tr>\n");
    }

}
