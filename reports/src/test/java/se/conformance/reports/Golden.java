package se.conformance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with an expected file under src/test/resources/golden. To accept a deliberate
 * change, run the tests with {@code -Dgolden.update=true}, then review the diff before committing.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    static void assertMatches(String actual, String fileName) throws IOException {
        Path expected = DIR.resolve(fileName);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertThat(expected).as("golden file %s (create it with -Dgolden.update=true)", expected).exists();
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private Golden() {}
}
