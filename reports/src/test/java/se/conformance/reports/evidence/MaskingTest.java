package se.conformance.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is masked and what is left alone, as a table. */
class MaskingTest {

    private static final Masking ON = Masking.of(true);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // personnummer and samordningsnummer, with and without hyphen, wherever they stand
        "personnummer with hyphen        | 19121212-1212                                  | 191212******",
        "personnummer 12 digits          | 191212121212                                   | 191212******",
        "samordningsnummer (day 61-91)   | 19880371-2383                                  | 198803******",
        "samordningsnummer no hyphen     | 198803712383                                   | 198803******",
        "2000s                           | 20100101-2386                                  | 201001******",
        "in XML                          | <personId>191212121212</personId>              | <personId>191212******</personId>",
        "in JSON                         | {\"patient\":\"19121212-1212\"}                 | {\"patient\":\"191212******\"}",
        "in a sentence                   | patienten 19121212-1212 fick betala 200 kr     | patienten 191212****** fick betala 200 kr",
        "two in one line                 | 191212121212 och 200001012384                  | 191212****** och 200001******",
        // left alone: not a 12-digit identity number
        "run id                          | 20261125-001628-demo                           | 20261125-001628-demo",
        "13-digit epoch millis           | 1732493788123                                  | 1732493788123",
        "14-digit timestamp              | 20250310123456                                 | 20250310123456",
        "month 13                        | 191213121212                                   | 191213121212",
        "day 00                          | 191212001212                                   | 191212001212",
        "day 32 (neither kind)           | 191212321212                                   | 191212321212",
        "10-digit with hyphen            | 121212-1212                                    | 121212-1212",
        "ISO date                        | 2025-03-10                                     | 2025-03-10",
        "HSA-id                          | SE2321000016-39KJ                              | SE2321000016-39KJ",
        "HSA-id of a person              | TSTNMT2321000156-1079                          | TSTNMT2321000156-1079",
        "amount                          | 1250.00 kr                                     | 1250.00 kr",
        // secrets
        "Authorization header            | Authorization: Bearer abc.def.ghi              | Authorization: ***",
        "lower-case header               | authorization: Basic dXNlcjpwYXNz              | authorization: ***",
        "vendor token header             | X-Vendor-Token: s3cr3t-t0ken                   | X-Vendor-Token: ***",
        "cookie                          | Cookie: session=abc                            | Cookie: ***",
        "bearer inside text              | sent with Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig  | sent with Bearer ***",
        "JSON password                   | {\"password\": \"hunter2\", \"user\": \"x\"}    | {\"password\": \"***\", \"user\": \"x\"}",
        "JSON token                      | {\"controlToken\":\"t-123\"}                   | {\"controlToken\":\"***\"}",
        "escaped JSON in JSON            | \"{\\\"apiKey\\\":\\\"k-1\\\"}\"               | \"{\\\"apiKey\\\":\\\"***\\\"}\"",
        "YAML token                      | `  token: abc123`                              | `  token: ***`",
        "YAML password                   | operatorKeyPassword: pw                        | operatorKeyPassword: ***",
        "query parameter                 | jdbc:postgresql://h/db?user=a&password=pw      | jdbc:postgresql://h/db?user=a&password=***",
        "query token                     | https://x/y?access_token=abc&x=1               | https://x/y?access_token=***&x=1",
        // left alone: names that only look like secrets' neighbours
        "a word, not a field             | the token was refused                          | the token was refused",
        "ordinary header                 | Content-Type: text/xml                         | Content-Type: text/xml",
    })
    void masksIdentityNumbersAndSecretsAndNothingElse(String name, String input, String expected) {
        assertThat(ON.apply(input)).isEqualTo(expected);
        assertThat(Masking.of(false).apply(input)).as("masking off").isEqualTo(input);
    }

    @Test
    void maskingTwiceChangesNothingMore() {
        String once = ON.apply("19121212-1212 Authorization: Bearer abcdefgh {\"token\":\"x\"}");
        assertThat(ON.apply(once)).isEqualTo(once);
    }

    @Test
    void aTreeOfTextFilesIsMaskedInPlaceAndOtherFilesAreLeftAlone(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("a-result.json"), "{\"name\":\"patient 19121212-1212\"}");
        Files.createDirectories(dir.resolve("sub"));
        Path xml = Files.writeString(dir.resolve("sub/b-attachment"), "<personId>191212121212</personId>");
        Path clean = Files.writeString(dir.resolve("c.txt"), "nothing here");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, '1', '9', '1', '2', '1', '2', '1', '2', '1', '2', '1', '2'};
        Path image = Files.write(dir.resolve("d.png"), png);

        int changed = ON.applyToTree(dir);

        assertThat(changed).isEqualTo(2);
        assertThat(Files.readString(json)).isEqualTo("{\"name\":\"patient 191212******\"}");
        assertThat(Files.readString(xml)).isEqualTo("<personId>191212******</personId>");
        assertThat(Files.readString(clean)).isEqualTo("nothing here");
        assertThat(Files.readAllBytes(image)).isEqualTo(png);
        assertThat(Masking.of(false).applyToTree(dir)).isZero();
    }

    @Test
    void theConsoleIsMaskedLineByLine() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream masked = ON.lines(sink);
        PrintStream out = new PrintStream(masked, true, StandardCharsets.UTF_8);

        out.print("  ✘ EFK-ID-001  patienten 1912");   // a number split over two writes is still one line
        out.println("1212-1212 skickades med bindestreck");
        out.print("väntar på 19121212-1212 ");
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).as("a partial line waits for its end").isEqualTo(
                "  ✘ EFK-ID-001  patienten 191212****** skickades med bindestreck\n");
        out.close();

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
                "  ✘ EFK-ID-001  patienten 191212****** skickades med bindestreck\nväntar på 191212****** ");
    }
}
