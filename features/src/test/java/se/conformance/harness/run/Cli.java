package se.conformance.harness.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What one in-process invocation of {@code bin/conformance} printed and returned. */
record Cli(int exit, String out, String err) {

    /** {@link ConformanceMain#run(String[], PrintStream, PrintStream)} with {@code args}, its streams captured. */
    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ConformanceMain.run(args, o, e);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Out and err together. */
    String all() {
        return out + err;
    }

    /** The non-blank lines of out and err together. */
    List<String> lines() {
        List<String> l = new ArrayList<>();
        for (String s : (out + "\n" + err).split("\\R")) if (!s.isBlank()) l.add(s);
        return l;
    }
}
