package se.conformance.reports.allure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders the Allure 2 HTML report of an {@code allure-results} directory as one self-contained
 * file, {@code report.html}, offline.
 *
 * <p>How: Allure's own command line (the {@code io.qameta.allure:allure-commandline} zip from
 * Maven Central, unpacked by the reports module's build) run as a subprocess in single-file mode
 * with the running JVM as its {@code JAVA_HOME}. A subprocess rather than the generator
 * in-process, because the command line loads its plugins from its own {@code plugins/}
 * directory with its own class path; in-process we would have to reproduce that loading and
 * keep it in step with every Allure release. Only single-file reports render from
 * {@code file://} (shared/research/tooling.md §3).
 *
 * <p>The generated page loads Google Tag Manager from the internet; that tag and its inline
 * configuration are removed, so the report makes no outside request.
 */
public final class AllureHtmlReport {

    /** The Allure version the reports module unpacks. */
    public static final String ALLURE_VERSION = "2.34.0";

    /** System property naming the Allure home (the directory holding {@code bin/allure}). */
    public static final String HOME_PROPERTY = "conformance.allure.home";

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final Pattern GTM_LOADER = Pattern.compile(
            "\\s*<script[^>]*\\ssrc=\"https://www\\.googletagmanager\\.com/[^\"]*\"[^>]*>\\s*</script>");
    private static final Pattern GTM_CONFIG = Pattern.compile(
            "\\s*<script>\\s*window\\.dataLayer\\s*=[^<]*?gtag\\('config'[^<]*</script>");

    /**
     * The outcome of a generation.
     *
     * @param report the single file written
     * @param took   how long Allure ran
     */
    public record Result(Path report, Duration took) {}

    private AllureHtmlReport() {}

    /**
     * The default Allure home: the system property {@value #HOME_PROPERTY} if set, else
     * {@code reports/target/allure-commandline/allure-2.34.0} or (when the working directory is
     * the reports module) {@code target/allure-commandline/allure-2.34.0}, whichever holds
     * {@code bin/allure}.
     */
    public static Optional<Path> defaultHome() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("reports", "target", "allure-commandline", "allure-" + ALLURE_VERSION));
        candidates.add(Path.of("target", "allure-commandline", "allure-" + ALLURE_VERSION));
        return candidates.stream().filter(home -> Files.isRegularFile(launcher(home))).findFirst();
    }

    /**
     * Generates {@code outputDir/report.html} from {@code resultsDir}.
     *
     * @param allureHome the Allure command line's directory (holding {@code bin/allure})
     * @param resultsDir the {@code allure-results} directory
     * @param outputDir  where {@code report.html} goes (created if missing; other files are left alone)
     * @throws IOException when Allure fails, times out or does not produce exactly one file
     */
    public static Result generate(Path allureHome, Path resultsDir, Path outputDir) throws IOException {
        Path launcher = launcher(allureHome);
        if (!Files.isRegularFile(launcher)) {
            throw new IOException("no Allure command line at " + allureHome.toAbsolutePath()
                    + " (build the reports module, or set -D" + HOME_PROPERTY + ")");
        }
        if (!Files.isDirectory(resultsDir)) {
            throw new IOException("no allure-results directory at " + resultsDir.toAbsolutePath());
        }
        Files.createDirectories(outputDir);
        // Allure's --clean empties its output directory: give it a private one.
        Path work = Files.createTempDirectory(outputDir, ".allure-");
        try {
            long start = System.nanoTime();
            run(launcher, resultsDir, work);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            List<Path> produced;
            try (Stream<Path> files = Files.walk(work)) {
                produced = files.filter(Files::isRegularFile).toList();
            }
            Path index = work.resolve("index.html");
            if (produced.size() != 1 || !produced.get(0).equals(index)) {
                throw new IOException("Allure single-file mode should write only index.html, wrote " + produced);
            }
            String html = Files.readString(index, StandardCharsets.UTF_8);
            String stripped = stripTracking(html);
            Path report = outputDir.resolve("report.html");
            Files.writeString(report, stripped, StandardCharsets.UTF_8);
            return new Result(report, took);
        } finally {
            deleteTree(work);
        }
    }

    /** The page without Google Tag Manager; fails if a googletagmanager reference survives. */
    static String stripTracking(String html) throws IOException {
        String stripped = GTM_CONFIG.matcher(GTM_LOADER.matcher(html).replaceAll("")).replaceAll("");
        if (stripped.contains("googletagmanager")) {
            throw new IOException("the Allure page still references googletagmanager after stripping: "
                    + "Allure's template changed, update AllureHtmlReport's patterns");
        }
        return stripped;
    }

    private static void run(Path launcher, Path resultsDir, Path work) throws IOException {
        Path log = Files.createTempFile("allure-generate", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", launcher.toAbsolutePath().toString(), "generate",
                    "--single-file", "--clean", "-o", work.toAbsolutePath().toString(),
                    resultsDir.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The running JVM, so the report needs no other Java on the PATH.
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
                throw new IOException("Allure did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("Allure failed with exit code " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Allure ran", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path launcher(Path home) {
        return home.resolve("bin").resolve("allure");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
