package se.conformance.simulator.hostile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of {@code hostile/expected.yaml}: a file of the corpus and the answer it must get. */
@JsonIgnoreProperties(ignoreUnknown = false)
record HostileCase(String file, String category, String target, Map<String, String> headers, String send,
        Integer clients, Stream stream, Long gzip, int status, String resultCode, List<String> expect, Integer within, String why) {

    record Stream(long bytes, boolean chunked) {}

    static final String DIR = "/hostile/";

    static List<HostileCase> all() {
        try (InputStream in = HostileCase.class.getResourceAsStream(DIR + "expected.yaml")) {
            Corpus c = new ObjectMapper(new YAMLFactory()).readValue(in, Corpus.class);
            return c.cases();
        } catch (IOException e) {
            throw new IllegalStateException("hostile/expected.yaml unreadable", e);
        }
    }

    record Corpus(List<HostileCase> cases) {}

    String sendMode() {
        return send == null ? "http" : send;
    }

    int clientCount() {
        return clients == null ? 1 : clients;
    }

    long withinMillis() {
        return within == null ? 1000 : within;
    }

    public Map<String, String> headers() {
        return headers == null ? Map.of() : headers;
    }

    public List<String> expect() {
        return expect == null ? List.of() : expect;
    }

    /** The file's bytes with the placeholders expanded (byte-preserving: ISO-8859-1 round trip). */
    byte[] content(Map<String, String> values) {
        byte[] raw;
        try (InputStream in = HostileCase.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("corpus file missing: " + file);
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String s = expand(new String(raw, StandardCharsets.ISO_8859_1), values);
        if ("raw".equals(send) || "slow-head".equals(send)) s = s.replace("\r\n", "\n").replace("\n", "\r\n");
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The extra headers, placeholders expanded. */
    Map<String, String> headers(Map<String, String> values) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        headers().forEach((k, v) -> out.put(k, expand(v, values)));
        return out;
    }

    private String expand(String text, Map<String, String> values) {
        String s = text;
        for (Map.Entry<String, String> v : values.entrySet()) s = s.replace("@@" + v.getKey() + "@@", v.getValue());
        s = expand(s, Pattern.compile("@@REPEAT\\((\\d+),(.*?)\\)@@"), m -> m.group(2).repeat(Integer.parseInt(m.group(1))));
        s = expand(s, Pattern.compile("@@ATTRS\\((\\d+)\\)@@"), m -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) b.append(" a").append(i).append("=\"1\"");
            return b.toString();
        });
        s = expand(s, Pattern.compile("@@HEADERS\\((\\d+)\\)@@"), m -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) b.append("X-Flood-").append(i).append(": aaaaaaaaaa\n");
            return b.toString();
        });
        if (s.contains("@@")) throw new IllegalStateException(file + ": unknown placeholder near " + s.substring(s.indexOf("@@")));
        return s;
    }

    private static String expand(String s, Pattern p, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return file;
    }
}
