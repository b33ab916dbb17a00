package se.conformance.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The written categories.json, read back and applied the way Allure applies it (first full match). */
class AllureCategoriesTest {

    @TempDir
    static Path results;

    private static List<AllureCategories.Category> written() throws Exception {
        Path file = AllureCategories.write(results.resolve("allure-results"));
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    }

    private static Optional<String> categoryOf(List<AllureCategories.Category> categories, String message) {
        return categories.stream().filter(c -> Pattern.compile(c.messageRegex()).matcher(message).matches())
                .map(AllureCategories.Category::name).findFirst();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '§', value = {
            "[schema] RegisterTransaction is not schema-valid: cvc-complex-type.2.4.a § Schemafel (schema)",
            "EFK-REG-002 [regel] expected 150 kr, was 300 kr § Verksamhetsregel (business rule)",
            "[transport] no answer within 30 s § Transport (transport)",
            "[attestering] ATT-PDL-001 has no signed statement § Attestering saknas (attestation missing)",
            "expected OK but was ERROR § ",
            "[Schema] wrong case is not a marker § "})
    void messages_fall_into_the_category_of_their_marker(String message, String category) throws Exception {
        assertThat(categoryOf(written(), message)).isEqualTo(Optional.ofNullable(category));
    }

    @Test
    void a_marker_on_a_later_line_still_matches() throws Exception {
        assertThat(categoryOf(written(), "Step failed:\n  at line 3\n[transport] connection refused"))
                .contains("Transport (transport)");
    }

    @Test
    void four_categories_for_failed_and_broken_results() throws Exception {
        assertThat(written()).hasSize(4)
                .allSatisfy(c -> assertThat(c.matchedStatuses()).containsExactly("failed", "broken"));
    }
}
