package se.conformance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.reports.allure.AllureHtmlReport;
import se.conformance.reports.allure.AllureHtmlReportTest;

/**
 * Opens summary.html and the Allure report.html from {@code file://} in headless Chromium and
 * checks the rendered DOM: proof that both pages work as single files without a server.
 * Skipped, visibly, where Chromium is not installed ({@code apt-get install -y chromium}).
 */
class BrowserRenderTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b.*?</script>");

    @TempDir
    Path dir;

    private String renderedDom(String url) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed");
        Path profile = Files.createTempDirectory(dir, "chromium-profile-");
        Path out = dir.resolve("dom-" + System.nanoTime() + ".html");
        Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("chromium finished within 90 s").isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        // Only what the page rendered counts, not text inside its scripts.
        return SCRIPT.matcher(Files.readString(out, StandardCharsets.UTF_8)).replaceAll("");
    }

    @Test
    void summary_html_renders_its_verdict_levels_and_items() throws Exception {
        Path page = dir.resolve("summary.html");
        SummaryHtml.write(SummaryFixture.summary(), page);

        String dom = renderedDom(page.toUri().toString());

        assertThat(dom).contains("Godkännandesammanfattning", "underkänd: reached Nivå 4 of target Nivå 5",
                "<tr id=\"level-5\">", "EFK-ERR-006", "Avgiftsutjämning", "Eva Exempel, CTO", "2027-06-30");
        // The vendor's markup arrives as text, not as an element.
        assertThat(dom).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt;");
    }

    @Test
    void allure_report_html_renders_from_file_url(@TempDir Path work) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: /usr/bin/chromium is not installed");
        AllureHtmlReport.Result report = AllureHtmlReportTest.generate(work);
        String html = Files.readString(report.report(), StandardCharsets.UTF_8);
        // Allure's route to one test result: #testresult/<uid>; the uid is in the embedded data.
        String uid = AllureHtmlReportTest.embeddedData(html).stream()
                .filter(n -> n.path("name").asText().equals("Avgiftsutjämning vid passage av taket") && n.has("uid"))
                .map(n -> n.get("uid").asText()).findFirst().orElseThrow();

        String overview = renderedDom(report.report().toUri().toString());
        String testResult = renderedDom(report.report().toUri() + "#testresult/" + uid);

        assertThat(overview).as("overview page").contains("e-frikort", "Verksamhetsregel (business rule)");
        assertThat(testResult).as("test result page").contains("Avgiftsutjämning vid passage av taket",
                "[regel] EFK-REG-002: expected 150 kr registered at the crossing, was 300 kr");
        assertThat(List.of(overview, testResult)).noneMatch(d -> d.contains("500") && d.contains("Failed to fetch"));
    }
}
