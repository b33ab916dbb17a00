package se.conformance.reports;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code summary.json}: the summary for machines. Dates and instants are ISO-8601 strings;
 * statuses use the names of {@link se.conformance.approval.level.ItemStatus}; output is indented
 * with {@code \n} line ends on every platform so that it can be compared byte for byte.
 */
public final class SummaryJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SummaryJson() {}

    /** The summary as indented JSON text ending in a newline. */
    public static String toJson(ApprovalSummary summary) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the summary", e);
        }
    }

    /** Writes the summary to {@code file} (UTF-8). */
    public static void write(ApprovalSummary summary, Path file) throws IOException {
        Files.writeString(file, toJson(summary), StandardCharsets.UTF_8);
    }

    /** Reads a summary written by {@link #write}. */
    public static ApprovalSummary read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ApprovalSummary.class);
    }
}
