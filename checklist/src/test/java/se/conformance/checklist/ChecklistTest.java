package se.conformance.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped checklist.yaml against the shared design (docs/harness.md) and its own invariants. */
class ChecklistTest {

    private static final Checklist CHECKLIST = Checklist.load();

    /** One row of the "Checklist items" table in docs/harness.md. */
    record DesignRow(String id, int level, String service, String role, List<String> contracts, String evidence) {}

    private static final Pattern ROW = Pattern.compile(
            "^\\| ([A-Z]{3}-[A-Z]{2,5}-[0-9]{3}) \\| (\\d) \\| (\\w+) \\| ([^|]+) \\| ([^|]+) \\| (\\w+) \\|.*$");

    static Stream<DesignRow> designRows() throws IOException {
        Path design = Path.of("..", "docs", "harness.md");
        return Files.readAllLines(design).stream().map(ROW::matcher).filter(Matcher::matches).map(m ->
                new DesignRow(m.group(1), Integer.parseInt(m.group(2)), m.group(3),
                        m.group(4).strip().equals("–") ? "none" : m.group(4).strip(),
                        m.group(5).strip().equals("–") ? List.of()
                                : Arrays.stream(m.group(5).split(",")).map(String::strip).toList(),
                        m.group(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designRows")
    void every_item_of_the_design_table_is_in_the_checklist_as_designed(DesignRow row) {
        ChecklistItem item = CHECKLIST.item(row.id()).orElseThrow(() -> new AssertionError(row.id() + " missing"));
        assertThat(item.requiredFrom()).as("requiredFrom").isEqualTo(row.level());
        assertThat(item.service().jsonName()).as("service").isEqualTo(row.service());
        assertThat(item.role().jsonName()).as("role").isEqualTo(row.role());
        assertThat(item.contracts()).as("contracts").isEqualTo(row.contracts());
        assertThat(item.evidence().jsonName()).as("evidence").isEqualTo(row.evidence());
    }

    @Test
    void the_checklist_has_exactly_the_design_table_ids_in_the_same_order() throws IOException {
        assertThat(CHECKLIST.items()).extracting(ChecklistItem::id)
                .containsExactlyElementsOf(designRows().map(DesignRow::id).toList());
    }

    @Test
    void header_steps_levels_and_outcomes_are_complete() {
        assertThat(CHECKLIST.version()).isEqualTo("1.0.0");
        assertThat(CHECKLIST.processSteps()).extracting(ProcessStep::id).containsExactly(
                "presentera-ide", "vi-forbereder-oss", "ni-utvecklar", "beslut", "avslut-och-erfarenheter");
        assertThat(CHECKLIST.levels()).extracting(l -> l.price().amountSek())
                .containsExactly(0L, 25_000L, 65_000L, 150_000L, 200_000L);
        assertThat(CHECKLIST.ineraSteps()).hasSize(8).extracting(IneraStep::id)
                .startsWith("ansokan").endsWith("avslutning");
        assertThat(CHECKLIST.ineraStepsSource()).contains("Our reading");
        assertThat(CHECKLIST.outcomes()).extracting(IneraOutcome::id)
                .containsExactly("godkand", "godkand-med-forbehall", "underkand");
    }

    @Test
    void digest_is_the_sha256_of_the_yaml_bytes() throws Exception {
        byte[] bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("checklist/checklist.yaml")) {
            bytes = in.readAllBytes();
        }
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(CHECKLIST.digest()).isEqualTo(expected).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void every_active_id_is_published_in_known_ids_and_none_is_retired() {
        assertThat(CHECKLIST.knownIds()).containsAll(CHECKLIST.items().stream().map(ChecklistItem::id).toList());
        assertThat(CHECKLIST.retiredIds()).isEmpty();
    }

    @Test
    void load_from_a_path_reads_the_registers_next_to_it() {
        Checklist fromPath = Checklist.load(Path.of("src/main/resources/checklist/checklist.yaml"));
        assertThat(fromPath.digest()).isEqualTo(CHECKLIST.digest());
        assertThat(fromPath.knownIds()).isEqualTo(CHECKLIST.knownIds());
    }
}
