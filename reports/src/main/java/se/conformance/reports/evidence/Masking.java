package se.conformance.reports.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Masks personal identity numbers and secrets in what people read: the summary, the Allure
 * results the single-file report is made from, the console. The raw journal in the evidence
 * bundle is left as it is: that is what the approver checks.
 *
 * <ul>
 * <li>personnummer and samordningsnummer, 12 digits with or without hyphen, the date part a
 *     real month and day (a samordningsnummer's day is 61–91): the first six digits stay,
 *     the rest becomes six asterisks, {@code 19121212-1212 → 191212******};</li>
 * <li>secrets: {@code Authorization}/{@code Cookie}/token headers, {@code Bearer}/{@code Basic}
 *     credentials, and the values of JSON, YAML and query fields whose name says password,
 *     secret, token or API key become {@code ***}.</li>
 * </ul>
 */
public final class Masking {

    /** What a masked secret reads. */
    public static final String SECRET = "***";

    /** 12 digits, not part of a longer number: century+year, month, day (+60 for samordningsnummer), optional hyphen, 4 digits. */
    static final Pattern PERSON_ID = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2}(?:0[1-9]|1[0-2]))((?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])-?[0-9]{4})(?![0-9])");

    private static final String SECRET_NAME = "[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|authorization)[A-Za-z0-9_.-]*";

    /** A secret's pattern and what it becomes: the name or scheme kept ($1, $2), the value {@value #SECRET}. */
    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> SECRETS = List.of(
            // HTTP headers, one per line: Authorization: …, Cookie: …, X-Vendor-Token: …
            new Rule(Pattern.compile("(?im)^(\\s*(?:authorization|proxy-authorization|cookie|set-cookie|x-[a-z0-9-]*(?:token|key|secret))"
                    + "\\s*:[ \\t]*)\\S[^\\r\\n]*"), "$1" + SECRET),
            // credentials after an auth scheme, anywhere
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)(\\s+)[A-Za-z0-9._~+/=-]{6,}"), "$1$2" + SECRET),
            // "password": "…"  (JSON, also inside escaped JSON strings: \"token\": \"…\")
            new Rule(Pattern.compile("(?i)(\\\\?\"" + SECRET_NAME + "\\\\?\"\\s*:\\s*\\\\?\")(?:[^\"\\\\]|\\\\(?!\"))+"),
                    "$1" + SECRET),
            // password: …  / password=… at the start of a line (YAML, properties)
            new Rule(Pattern.compile("(?im)^(\\s*-?\\s*" + SECRET_NAME + "\\s*[:=][ \\t]*)[^\\s{\\[][^\\r\\n]*"), "$1" + SECRET),
            // ?token=… &password=… (URLs, forms, JDBC URLs)
            new Rule(Pattern.compile("(?i)([?&;]" + SECRET_NAME + "=)[^&;\\s\"'<>]+"), "$1" + SECRET));

    private static final Masking ON = new Masking(true);
    private static final Masking OFF = new Masking(false);

    private final boolean enabled;

    private Masking(boolean enabled) {
        this.enabled = enabled;
    }

    /** Masking on (the default) or off ({@code --no-mask}, profile {@code masking: false}). */
    public static Masking of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    public boolean enabled() {
        return enabled;
    }

    /** {@code text} with identity numbers and secrets masked; unchanged when masking is off or null. */
    public String apply(String text) {
        if (!enabled || text == null || text.isEmpty()) return text;
        String out = text;
        for (Rule r : SECRETS) out = r.pattern().matcher(out).replaceAll(r.replacement());
        return maskPersonIds(out);
    }

    /** Only the identity numbers (a helper for the table tests and for text without secrets). */
    public static String maskPersonIds(String text) {
        Matcher m = PERSON_ID.matcher(text);
        if (!m.find()) return text;
        StringBuilder b = new StringBuilder(text.length());
        do {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + "******"));
        } while (m.find());
        m.appendTail(b);
        return b.toString();
    }

    /** Masks a UTF-8 text file in place (no-op when masking is off or nothing matches). */
    public void applyToFile(Path file) throws IOException {
        if (!enabled) return;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String masked = apply(text);
        if (!masked.equals(text)) Files.writeString(file, masked, StandardCharsets.UTF_8);
    }

    /**
     * Masks every text file under {@code dir}: each file that is UTF-8 without NUL bytes (Allure's
     * results and their attachments, which carry no extension); others (images) are left alone.
     * Returns how many changed.
     */
    public int applyToTree(Path dir) throws IOException {
        if (!enabled || !Files.isDirectory(dir)) return 0;
        int changed = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = utf8Text(Files.readAllBytes(f));
                if (text == null) continue;
                String masked = apply(text);
                if (!masked.equals(text)) {
                    Files.writeString(f, masked, StandardCharsets.UTF_8);
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The bytes as text when they are UTF-8 without NUL, else null. */
    private static String utf8Text(byte[] bytes) {
        for (byte b : bytes) if (b == 0) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A stream that masks what is written to {@code target} line by line (the console): each
     * line is held until its end, masked and passed on. {@code flush()} does not pass on a
     * partial line (an auto-flushing PrintStream flushes after every print, which would split a
     * number over two writes and let it through); {@code close()} does.
     */
    public OutputStream lines(OutputStream target) {
        if (!enabled) return target;
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) throws IOException {
                line.write(b);
                if (b == '\n') emit();
            }

            @Override
            public synchronized void write(byte[] bytes, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) write(bytes[i]);
            }

            @Override
            public synchronized void flush() throws IOException {
                target.flush();
            }

            @Override
            public synchronized void close() throws IOException {
                emit();
                target.flush();
            }

            private void emit() throws IOException {
                if (line.size() == 0) return;
                target.write(apply(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                line.reset();
            }
        };
    }
}
