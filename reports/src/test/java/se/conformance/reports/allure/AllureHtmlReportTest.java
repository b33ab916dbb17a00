package se.conformance.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the single-file report from the committed fixture (3 results, one failed) with the
 * Allure command line the build unpacked.
 */
public class AllureHtmlReportTest {

    static final Path FIXTURE = Path.of("src/test/resources/allure-results");
    static final List<String> TEST_NAMES = List.of("En högkostnadsgrundande avgift registreras",
            "Avgiftsutjämning vid passage av taket", "Händelsekod SIGNAT besvaras OK");

    @TempDir
    static Path dir;

    static AllureHtmlReport.Result result;

    /** Copies the fixture and adds categories.json, then renders; shared by the tests (Allure takes seconds). */
    public static AllureHtmlReport.Result generate(Path workDir) throws IOException {
        Path home = AllureHtmlReport.defaultHome().orElse(null);
        assumeTrue(home != null, "the Allure command line is not unpacked (run the build through Maven)");
        Path results = workDir.resolve("allure-results");
        Files.createDirectories(results);
        try (Stream<Path> files = Files.list(FIXTURE)) {
            for (Path f : files.toList()) {
                Files.copy(f, results.resolve(f.getFileName()));
            }
        }
        AllureCategories.write(results);
        return AllureHtmlReport.generate(home, results, workDir.resolve("report"));
    }

    @BeforeAll
    static void render() throws IOException {
        result = generate(dir);
        System.out.printf("Allure single-file report generated in %d ms%n", result.took().toMillis());
    }

    @Test
    void writes_exactly_one_self_contained_file() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("report"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(dir.resolve("report/report.html"));
        }
        String html = Files.readString(result.report(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("googletagmanager", "gtag(");
        // Every script and stylesheet is inline (data: URLs): nothing is fetched from outside.
        assertThat(Pattern.compile("(?:src|href)=\"(?!data:|#)[^\"]+\"").matcher(html).results()
                .map(m -> m.group()).toList()).isEmpty();
    }

    @Test
    void contains_every_test_name_and_the_failure_with_its_category() throws IOException {
        List<JsonNode> data = embeddedData(Files.readString(result.report(), StandardCharsets.UTF_8));
        List<String> names = data.stream().filter(n -> n.has("uid") && n.has("name") && n.has("status"))
                .map(n -> n.get("name").asText()).toList();
        assertThat(names).containsAll(TEST_NAMES);
        assertThat(data).anySatisfy(n -> assertThat(n.path("name").asText()).isEqualTo("Avgiftsutjämning vid passage av taket"))
                .anySatisfy(n -> assertThat(n.toString()).contains("Verksamhetsregel (business rule)"));
    }

    @Test
    void generation_time_is_reported() {
        assertThat(result.took()).isPositive();
    }

    @Test
    void a_missing_allure_home_is_a_clear_error(@TempDir Path empty) {
        assertThatThrownBy(() -> AllureHtmlReport.generate(empty, FIXTURE, empty.resolve("out")))
                .hasMessageContaining("no Allure command line at");
    }

    @Test
    void stripping_removes_the_tag_manager_and_its_configuration() throws IOException {
        String page = "<head>\n<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-X\"></script>\n"
                + "<script>\n window.dataLayer = window.dataLayer || [];\n function gtag(){dataLayer.push(arguments);}\n"
                + " gtag('js', new Date());\n gtag('config', 'G-X', {'single_file': true});\n</script>\n"
                + "<script async>window.reportData = {};</script>\n</head>";
        assertThat(AllureHtmlReport.stripTracking(page))
                .isEqualTo("<head>\n<script async>window.reportData = {};</script>\n</head>");
    }

    /** The JSON documents Allure embeds in single-file mode as {@code d('path','base64')}. */
    public static List<JsonNode> embeddedData(String html) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        Matcher m = Pattern.compile("d\\('([^']+\\.json)','([A-Za-z0-9+/=]+)'\\)").matcher(html);
        while (m.find()) {
            JsonNode node = mapper.readTree(Base64.getDecoder().decode(m.group(2)));
            collect(node, nodes);
        }
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.elements().forEachRemaining(child -> collect(child, into));
    }
}
