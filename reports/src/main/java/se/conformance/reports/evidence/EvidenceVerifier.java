package se.conformance.reports.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;

/**
 * Checks an evidence bundle offline: every file against the manifest's SHA-256 (a file changed,
 * added or removed is named), the manifest against its detached CMS signature, the signer's
 * certificate (valid when it signed; with a trusted certificate given, exactly that one), and
 * reads the verdict the bundle attests from its summary.json. Nothing is extracted to disk.
 */
public final class EvidenceVerifier {

    /** What is wrong with one file of the bundle. */
    public enum Kind {
        /** its content differs from the manifest's hash */
        MODIFIED,
        /** in the bundle but not in the manifest */
        ADDED,
        /** in the manifest but not in the bundle */
        MISSING,
        /** the bundle holds two entries of that name */
        DUPLICATE
    }

    public record FileProblem(String name, Kind kind) {}

    /** Who signed: the certificate, its subject, its SHA-256 fingerprint, when (the signed signing-time attribute). */
    public record Signer(X509Certificate certificate, String subject, String fingerprint, Instant signedAt) {}

    /** The verdict the bundle attests (from its summary.json, when that file checked out). */
    public record Verdict(String runId, String system, String version, String supplier, int targetLevel,
            int reachedLevel, String verdict, String finishedAt) {}

    /**
     * @param filesChecked files the manifest lists that were found and hashed
     * @param files        per-file problems (changed, added, removed, duplicated)
     * @param problems     problems of the bundle itself: not a zip, no manifest, a malformed line,
     *                     no or a bad signature, an untrusted signer
     * @param signer       who signed (null when the signature could not be read)
     * @param verdict      what the bundle attests (null when summary.json is missing or changed)
     */
    public record Result(int filesChecked, List<FileProblem> files, List<String> problems, Signer signer, Verdict verdict) {

        /** Every file matches the manifest and the manifest's signature is good (and by the trusted signer, if one was given). */
        public boolean ok() {
            return files.isEmpty() && problems.isEmpty();
        }
    }

    /** The largest manifest or signature read (a manifest of a run is a few kB). */
    static final int MAX_META_BYTES = 1 << 20;

    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64})  (.+)");

    private EvidenceVerifier() {}

    /**
     * Verifies {@code bundle}; {@code trusted} (nullable): the signer certificate that must
     * have signed it.
     *
     * @throws IOException when the file cannot be read at all (missing, a directory)
     */
    public static Result verify(Path bundle, X509Certificate trusted) throws IOException {
        if (!Files.isRegularFile(bundle)) throw new IOException("no such file: " + bundle);
        List<FileProblem> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ZipFile zip;
        try {
            zip = new ZipFile(bundle.toFile());
        } catch (IOException e) {
            problems.add("not a zip file: " + e.getMessage());
            return new Result(0, files, problems, null, null);
        }
        try (zip) {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            Set<String> duplicates = new LinkedHashSet<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                // a folder entry holds no content: re-zipping an unpacked bundle adds them
                if (e.isDirectory() && e.getSize() <= 0) continue;
                if (entries.putIfAbsent(e.getName(), e) != null) duplicates.add(e.getName());
            }
            duplicates.forEach(d -> files.add(new FileProblem(d, Kind.DUPLICATE)));

            byte[] manifest;
            byte[] signature;
            try {
                manifest = read(zip, entries.get(EvidenceBundle.MANIFEST));
                signature = read(zip, entries.get(EvidenceBundle.SIGNATURE));
            } catch (IOException e) {
                problems.add("the manifest or its signature cannot be read: " + e.getMessage());
                return new Result(0, files, problems, null, null);
            }
            if (manifest == null) {
                problems.add(EvidenceBundle.MANIFEST + " is missing: nothing to check the files against");
                return new Result(0, files, problems, null, null);
            }
            Map<String, String> listed = parseManifest(manifest, problems);

            int checked = 0;
            byte[] summaryBytes = null;
            for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
                String name = e.getKey();
                if (name.equals(EvidenceBundle.MANIFEST) || name.equals(EvidenceBundle.SIGNATURE)) continue;
                String expected = listed.get(name);
                if (expected == null) {
                    files.add(new FileProblem(name, Kind.ADDED));
                    continue;
                }
                boolean isSummary = name.equals("summary.json");
                ByteArrayOutputStream keep = isSummary ? new ByteArrayOutputStream() : null;
                String actual;
                try {
                    actual = hash(zip, e.getValue(), keep);
                } catch (IOException unreadable) {
                    actual = "unreadable"; // a damaged entry (CRC, inflation) is a changed file
                }
                checked++;
                if (!actual.equals(expected)) files.add(new FileProblem(name, Kind.MODIFIED));
                else if (isSummary) summaryBytes = keep.toByteArray();
            }
            for (String name : listed.keySet()) {
                if (!entries.containsKey(name)) files.add(new FileProblem(name, Kind.MISSING));
            }

            Signer signer = null;
            if (signature == null) {
                problems.add(EvidenceBundle.SIGNATURE + " is missing: the manifest is not signed");
            } else {
                signer = checkSignature(manifest, signature, problems);
                if (signer != null && trusted != null && !signer.certificate().equals(trusted)) {
                    problems.add("signed by " + signer.subject() + " (SHA-256 " + signer.fingerprint()
                            + "), not by the trusted certificate (SHA-256 " + fingerprint(trusted) + ")");
                }
            }
            return new Result(checked, files, problems, signer, verdict(summaryBytes, problems));
        }
    }

    /** The first certificate of a PEM (or DER) file: the signer an approver trusts. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException(file + ": not an X.509 certificate (PEM or DER): " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the certificate's DER as colon-separated upper-case hex (as {@code openssl x509 -fingerprint -sha256}). */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parseManifest(byte[] manifest, List<String> problems) {
        Map<String, String> listed = new LinkedHashMap<>();
        String text = new String(manifest, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) problems.add(EvidenceBundle.MANIFEST + " does not end with a line break");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (!m.matches() || !EvidenceBundle.validName(m.group(2))) {
                problems.add(EvidenceBundle.MANIFEST + " line " + (i + 1) + " is not '<sha256 hex>  <name>'");
            } else if (listed.putIfAbsent(m.group(2), m.group(1)) != null) {
                problems.add(EvidenceBundle.MANIFEST + " lists " + m.group(2) + " twice");
            } else if (m.group(2).equals(EvidenceBundle.MANIFEST) || m.group(2).equals(EvidenceBundle.SIGNATURE)) {
                problems.add(EvidenceBundle.MANIFEST + " lists " + m.group(2) + ", which it cannot");
            }
        }
        return listed;
    }

    private static Signer checkSignature(byte[] manifest, byte[] signature, List<String> problems) {
        CMSSignedData signed;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(manifest), signature);
        } catch (CMSException | RuntimeException e) {
            problems.add(EvidenceBundle.SIGNATURE + " is not a CMS signature: " + e.getMessage());
            return null;
        }
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            problems.add(EvidenceBundle.SIGNATURE + " has " + signers.size() + " signers, one is expected");
            return null;
        }
        SignerInformation info = signers.iterator().next();
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> store = signed.getCertificates();
        Collection<X509CertificateHolder> matches = store.getMatches(info.getSID());
        if (matches.isEmpty()) {
            problems.add(EvidenceBundle.SIGNATURE + " does not carry the signer's certificate");
            return null;
        }
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (GeneralSecurityException e) {
            problems.add(EvidenceBundle.SIGNATURE + ": the signer's certificate cannot be read: " + e.getMessage());
            return null;
        }
        Signer signer = new Signer(cert, cert.getSubjectX500Principal().getName(), fingerprint(cert), signingTime(info));
        try {
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                problems.add("the signature is not valid: " + EvidenceBundle.SIGNATURE + " was not made over this "
                        + EvidenceBundle.MANIFEST + " with the key of " + signer.subject());
            }
        } catch (CMSSignerDigestMismatchException e) {
            problems.add("the signature is not valid: " + EvidenceBundle.MANIFEST + " was changed after it was signed");
        } catch (CMSVerifierCertificateNotValidException e) {
            problems.add("the signer's certificate was not valid when it signed (" + signer.signedAt() + ")");
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            problems.add("the signature is not valid: " + e.getMessage());
        }
        return signer;
    }

    private static Instant signingTime(SignerInformation info) {
        AttributeTable attrs = info.getSignedAttributes();
        Attribute a = attrs == null ? null : attrs.get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() != 1) return null;
        try {
            return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Verdict verdict(byte[] summary, List<String> problems) {
        if (summary == null) return null;
        try {
            JsonNode s = new ObjectMapper().readTree(summary);
            return new Verdict(s.path("runId").asText(null), s.path("system").asText(null), s.path("version").asText(null),
                    s.path("supplier").asText(null), s.path("targetLevel").asInt(), s.path("reachedLevel").asInt(),
                    s.path("verdict").asText(null), s.path("finishedAt").asText(null));
        } catch (IOException e) {
            problems.add("summary.json is not JSON: " + e.getMessage());
            return null;
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        if (entry == null) return null;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] b = in.readNBytes(MAX_META_BYTES + 1);
            if (b.length > MAX_META_BYTES) throw new IOException(entry.getName() + " is larger than " + MAX_META_BYTES + " bytes");
            return b;
        }
    }

    private static String hash(ZipFile zip, ZipEntry entry, ByteArrayOutputStream keep) throws IOException {
        MessageDigest sha = EvidenceBundle.sha256();
        byte[] buf = new byte[65536];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                if (keep != null && keep.size() < MAX_META_BYTES * 16) keep.write(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
