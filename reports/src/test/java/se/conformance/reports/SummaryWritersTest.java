package se.conformance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three writers against committed golden files, plus the properties the goldens rely on. */
class SummaryWritersTest {

    private static final ApprovalSummary SUMMARY = SummaryFixture.summary();

    @Test
    void json_matches_the_golden_file() throws Exception {
        Golden.assertMatches(SummaryJson.toJson(SUMMARY), "summary.json");
    }

    @Test
    void markdown_matches_the_golden_file() throws Exception {
        Golden.assertMatches(SummaryMarkdown.toMarkdown(SUMMARY), "summary.md");
    }

    @Test
    void html_matches_the_golden_file() throws Exception {
        Golden.assertMatches(SummaryHtml.toHtml(SUMMARY), "summary.html");
    }

    @Test
    void json_has_exactly_the_designed_fields_iso_dates_and_status_names() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SummaryJson.toJson(SUMMARY));
        assertThat(json.fieldNames()).toIterable().containsExactly("runId", "system", "version", "supplier",
                "capabilities", "targetLevel", "estimatedLevel", "reachedLevel", "levels", "items", "attestations",
                "deviations", "simulatorVersion", "harnessVersion", "checklistVersion", "checklistDigest",
                "startedAt", "finishedAt", "verdict");
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(json.get("estimatedLevel").get("label").asText()).isEqualTo("estimate");
        assertThat(json.get("items").findValuesAsText("status"))
                .containsOnly("passed", "failed", "not-applicable", "attested");
        assertThat(json.get("deviations").get(0).get("expires").asText()).isEqualTo("2027-06-30");
        assertThat(json.get("items").get(0).fieldNames()).toIterable().containsExactly("id", "title", "level",
                "service", "status", "reason", "applicability", "traceIds", "deviation");
    }

    @Test
    void json_reads_back_to_the_same_summary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("summary.json");
        SummaryJson.write(SUMMARY, file);
        assertThat(SummaryJson.read(file)).isEqualTo(SUMMARY);
    }

    @Test
    void html_is_self_contained_and_escapes_vendor_text() {
        String html = SummaryHtml.toHtml(SUMMARY);
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("http://", "https://", "src=", "<link");
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("Exempel &amp; Söner &lt;AB&gt;");
        // One row per level and per item, each with its blocking ids or status.
        assertThat(Pattern.compile("<tr id=\"level-").matcher(html).results().count()).isEqualTo(5);
        assertThat(Pattern.compile("<tr id=\"item-").matcher(html).results().count())
                .isEqualTo(SummaryFixture.CHECKLIST.items().size());
    }

    @Test
    void markdown_escapes_vendor_text_so_tables_keep_their_columns() {
        String markdown = SummaryMarkdown.toMarkdown(SUMMARY);
        assertThat(markdown).doesNotContain("<script").contains("\\| \\*all\\* of it");
        List<String> attestationRows = markdown.lines().filter(l -> l.startsWith("| ATT-PDL-001 |")).toList();
        assertThat(attestationRows).singleElement()
                .satisfies(row -> assertThat(row.split("(?<!\\\\)\\|", -1)).hasSize(6));
    }
}
