package se.conformance.reports.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence bundle of a run: one zip with the run's files, a manifest with the SHA-256 of
 * each ({@value #MANIFEST}, the format {@code sha256sum -c} reads: {@code <hex>  <name>}, one
 * line per file, sorted by name) and a detached CMS signature over the manifest bytes
 * ({@value #SIGNATURE}, DER) made with the simulator operator's key. {@link EvidenceVerifier}
 * checks it offline; so do {@code sha256sum -c} and {@code openssl cms -verify}.
 *
 * <pre>{@code
 * EvidenceBundle.builder().add("summary.json", runDir.resolve("summary.json"))
 *         .addTree("exchanges", ...).write(runDir.resolve("evidence.zip"), signer);
 * }</pre>
 */
public final class EvidenceBundle {

    public static final String MANIFEST = "MANIFEST.sha256";
    public static final String SIGNATURE = "MANIFEST.sig";

    private static final Pattern CONTROL_OR_BACKSLASH = Pattern.compile("[\\\\\\p{Cntrl}]");

    /** A name a bundle may hold: relative, '/'-separated, no empty, '.' or '..' segment, no control character or backslash. */
    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 255 || CONTROL_OR_BACKSLASH.matcher(name).find()) return false;
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) return false;
        }
        return true;
    }

    /** Signs the manifest bytes: a detached CMS SignedData in DER. */
    @FunctionalInterface
    public interface ManifestSigner {
        byte[] sign(byte[] manifest) throws IOException;
    }

    /** What was written: the bundle, the manifest's content and how many files it lists. */
    public record Written(Path bundle, byte[] manifest, int files) {}

    private final SortedMap<String, Source> entries = new TreeMap<>();

    private sealed interface Source permits FileSource, BytesSource {}

    private record FileSource(Path file) implements Source {}

    private record BytesSource(byte[] bytes) implements Source {}

    private EvidenceBundle() {}

    public static EvidenceBundle builder() {
        return new EvidenceBundle();
    }

    /** A file under {@code name}. */
    public EvidenceBundle add(String name, Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("not a file: " + file);
        return put(name, new FileSource(file));
    }

    /** Bytes under {@code name}. */
    public EvidenceBundle add(String name, byte[] content) {
        return put(name, new BytesSource(content.clone()));
    }

    /** Text (UTF-8) under {@code name}. */
    public EvidenceBundle add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file under {@code dir}, named {@code prefix/<relative path>}. */
    public EvidenceBundle addTree(String prefix, Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                add(prefix + "/" + rel, f);
            }
        }
        return this;
    }

    private EvidenceBundle put(String name, Source source) {
        Objects.requireNonNull(name);
        if (!validName(name)) throw new IllegalArgumentException("not a bundle entry name: '" + name + "'");
        if (name.equals(MANIFEST) || name.equals(SIGNATURE)) throw new IllegalArgumentException(name + " is the bundle's own");
        if (entries.putIfAbsent(name, source) != null) throw new IllegalArgumentException("two files named " + name);
        return this;
    }

    /**
     * Writes the zip: every file (hashed as it is written), then the manifest, then its
     * signature. Written to a temporary file first and moved into place, so a bundle that
     * exists is complete.
     *
     * @param time the modification time every entry carries (the run's end), so the bundle of
     *             the same files is the same zip
     */
    public Written write(Path bundle, ManifestSigner signer, Instant time) throws IOException {
        Path dir = bundle.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".evidence", ".zip");
        try {
            Map<String, String> hashes = new LinkedHashMap<>();
            byte[] manifest;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Map.Entry<String, Source> e : entries.entrySet()) {
                    zip.putNextEntry(entry(e.getKey(), time));
                    hashes.put(e.getKey(), copyHashing(e.getValue(), zip));
                    zip.closeEntry();
                }
                manifest = manifest(hashes);
                byte[] signature = signer.sign(manifest);
                if (signature == null || signature.length == 0) throw new IOException("the signer gave no signature");
                zip.putNextEntry(entry(MANIFEST, time));
                zip.write(manifest);
                zip.closeEntry();
                zip.putNextEntry(entry(SIGNATURE, time));
                zip.write(signature);
                zip.closeEntry();
            }
            Files.move(tmp, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(bundle, manifest, hashes.size());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The manifest text: {@code <sha256 hex>  <name>\n} per file, in the order given (sorted by the builder). */
    static byte[] manifest(Map<String, String> hashes) {
        StringBuilder b = new StringBuilder();
        hashes.forEach((name, hex) -> b.append(hex).append("  ").append(name).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ZipEntry entry(String name, Instant time) {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.from(time));
        return e;
    }

    private static String copyHashing(Source source, OutputStream out) throws IOException {
        MessageDigest sha = sha256();
        if (source instanceof BytesSource b) {
            sha.update(b.bytes());
            out.write(b.bytes());
        } else if (source instanceof FileSource f) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(f.file()), sha)) {
                in.transferTo(out);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of bytes, lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
