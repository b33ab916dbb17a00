package se.conformance.reports;

import static se.conformance.reports.Markdown.escape;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code summary.md}: the summary for pull requests, tickets and mail. Same content as
 * {@link SummaryHtml}, Swedish headings with English subtitles; vendor text goes through
 * {@link Markdown#escape}.
 */
public final class SummaryMarkdown {

    private SummaryMarkdown() {}

    /** The Markdown text. */
    public static String toMarkdown(ApprovalSummary s) {
        StringBuilder m = new StringBuilder(8_192);
        m.append("# Godkännandesammanfattning — Approval summary\n\n");
        m.append("**").append(escape(s.verdict())).append("**\n\n");
        m.append("| | |\n|---|---|\n");
        row(m, "System", escape(s.system()));
        row(m, "Version", escape(s.version()));
        row(m, "Leverantör (supplier)", escape(s.supplier()));
        row(m, "Körning (run)", escape(s.runId()));
        row(m, "Målnivå (target level)", "Nivå " + s.targetLevel());
        row(m, "Uppnådd nivå (reached level)", "Nivå " + s.reachedLevel());
        row(m, "Uppskattad nivå (estimated level)", "Nivå " + s.estimatedLevel().level() + " ("
                + s.estimatedLevel().label() + "): " + escape(s.estimatedLevel().basis()));

        m.append("\n## Nivåer — Levels\n\n| Nivå | Status | Blockerande krav (blocking items) |\n|---|---|---|\n");
        for (LevelOutcome level : s.levels()) {
            m.append("| ").append(escape(level.name())).append(" | ")
                    .append(level.passed() ? "uppfylld (passed)" : "ej uppfylld (not passed)").append(" | ")
                    .append(escape(String.join(", ", level.blocking()))).append(" |\n");
        }

        m.append("\n## Krav — Checklist items\n\n")
                .append("| Id | Titel (title) | Nivå | Tjänst | Status | Orsak (reason) | Tillämplighet (applicability) | Spår-id (trace ids) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (ItemOutcome item : s.items()) {
            String reason = item.reason();
            if (item.deviation() != null) {
                reason = (reason.isEmpty() ? "" : reason + " — ") + SummaryHtml.deviationNote(item.deviation());
            }
            m.append("| `").append(item.id()).append("` | ").append(escape(item.title().sv())).append(" (")
                    .append(escape(item.title().en())).append(") | ").append(item.level()).append(" | ")
                    .append(item.service().jsonName()).append(" | ").append(SummaryHtml.statusText(item.status()))
                    .append(" | ").append(escape(reason)).append(" | ").append(escape(item.applicability()))
                    .append(" | ").append(escape(String.join(", ", item.traceIds()))).append(" |\n");
        }

        m.append("\n## Intyganden — Attestations\n\n");
        if (s.attestations().isEmpty()) {
            m.append("Inga (none).\n");
        } else {
            m.append("| Krav (item) | Intygande (statement) | Undertecknat av (signed by) | Datum (signed at) |\n")
                    .append("|---|---|---|---|\n");
            for (Attestation a : s.attestations()) {
                m.append("| ").append(escape(a.item())).append(" | ").append(escape(a.statement()))
                        .append(" | ").append(escape(a.signedBy())).append(" | ").append(a.signedAt()).append(" |\n");
            }
        }

        m.append("\n## Avvikelser — Deviations\n\n");
        if (s.deviations().isEmpty()) {
            m.append("Inga (none).\n");
        } else {
            m.append("| Krav (item) | Orsak (reason) | Godkänd av (approved by) | Giltig t.o.m. (expires) | Status |\n")
                    .append("|---|---|---|---|---|\n");
            for (DeviationOutcome d : s.deviations()) {
                m.append("| ").append(escape(d.item())).append(" | ").append(escape(d.reason()))
                        .append(" | ").append(escape(d.approvedBy())).append(" | ").append(d.expires()).append(" | ")
                        .append(d.valid() ? "giltig (valid)" : "utgången (expired)").append(" |\n");
            }
        }

        m.append("\n## Versioner och tider — Versions and times\n\n| | |\n|---|---|\n");
        row(m, "Simulator", escape(s.simulatorVersion()));
        row(m, "Harness", escape(s.harnessVersion()));
        row(m, "Checklista (checklist)", escape(s.checklistVersion()));
        row(m, "Kontrollsumma (checklist digest)", "`" + s.checklistDigest() + "`");
        row(m, "Start (started)", String.valueOf(s.startedAt()));
        row(m, "Slut (finished)", String.valueOf(s.finishedAt()));
        return m.toString();
    }

    /** Writes the text to {@code file} (UTF-8). */
    public static void write(ApprovalSummary summary, Path file) throws IOException {
        Files.writeString(file, toMarkdown(summary), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder m, String term, String escapedValue) {
        m.append("| ").append(term).append(" | ").append(escapedValue).append(" |\n");
    }
}
