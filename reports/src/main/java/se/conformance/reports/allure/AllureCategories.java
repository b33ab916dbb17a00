package se.conformance.reports.allure;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Allure's {@code categories.json} so that failures are grouped by what broke. The
 * harness's steps prefix every assertion message with one of the markers {@code [schema]},
 * {@code [regel]}, {@code [transport]}, {@code [attestering]}; Allure matches each failed or
 * broken result's message against the categories' {@code messageRegex} in order (a full match,
 * hence the {@code (?s).*} around the marker: messages span lines).
 */
public final class AllureCategories {

    /**
     * One Allure category.
     *
     * @param name            shown in the report
     * @param messageRegex    Java regex that must match the whole message
     * @param matchedStatuses result statuses the category applies to
     */
    public record Category(String name, String messageRegex, List<String> matchedStatuses) {}

    /** The four categories, in matching order. */
    public static final List<Category> CATEGORIES = List.of(
            category("Schemafel (schema)", "schema"),
            category("Verksamhetsregel (business rule)", "regel"),
            category("Transport (transport)", "transport"),
            category("Attestering saknas (attestation missing)", "attestering"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AllureCategories() {}

    private static Category category(String name, String marker) {
        return new Category(name, "(?s).*\\[" + marker + "\\].*", List.of("failed", "broken"));
    }

    /**
     * Writes {@code categories.json} into {@code resultsDir} (created if missing).
     *
     * @return the file written
     */
    public static Path write(Path resultsDir) throws IOException {
        Files.createDirectories(resultsDir);
        Path file = resultsDir.resolve("categories.json");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        Files.writeString(file, MAPPER.writer(pretty).writeValueAsString(CATEGORIES) + "\n");
        return file;
    }
}
