package se.conformance.reports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.conformance.reports.evidence.EvidenceVerifier.FileProblem;
import se.conformance.reports.evidence.EvidenceVerifier.Kind;

/**
 * The bundle written and verified offline, then broken in each way an approver must notice: a
 * file changed, added, removed, duplicated; the manifest re-hashed to match a changed file; the
 * signature damaged or made by someone else. (The simulator's signer is tested in the
 * simulator module; here a signer of the same kind, so this module stays plain.)
 */
class EvidenceBundleTest {

    private static final Instant END = Instant.parse("2026-11-25T00:16:28Z");
    private static final String SUMMARY = "{\"runId\":\"20261125-001628-demo\",\"system\":\"Referenskassan\",\"version\":\"1.0.0\","
            + "\"supplier\":\"Exempel AB\",\"targetLevel\":5,\"reachedLevel\":5,"
            + "\"verdict\":\"godkänd: reached Nivå 5 of target Nivå 5\",\"finishedAt\":\"2026-11-25T00:16:28Z\"}";

    private static TestSigner operator;
    private static TestSigner stranger;

    @TempDir
    Path dir;

    /** A key and self-signed certificate, and detached CMS signatures with it. */
    record TestSigner(KeyPair keys, X509Certificate cert) implements EvidenceBundle.ManifestSigner {

        static TestSigner create(String cn, Instant notBefore, Instant notAfter) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + cn + ",O=Test");
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name,
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new TestSigner(keys, cert);
        }

        @Override
        public byte[] sign(byte[] manifest) throws IOException {
            try {
                CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()), cert));
                gen.addCertificates(new JcaCertStore(java.util.List.of(cert)));
                return gen.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @BeforeAll
    static void keys() throws Exception {
        Instant now = Instant.now();
        operator = TestSigner.create("Simulator operator test", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        stranger = TestSigner.create("Someone else", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    private Path bundle() throws IOException {
        Path report = Files.writeString(dir.resolve("report.html"), "<html>rapport 191212******</html>");
        Path exchanges = dir.resolve("exchanges");
        Files.createDirectories(exchanges);
        Files.writeString(exchanges.resolve("000001-t1.request.xml"), "<personId>191212121212</personId>");
        Files.writeString(exchanges.resolve("000001-t1.response.xml"), "<resultCode>OK</resultCode>");
        EvidenceBundle.Written w = EvidenceBundle.builder()
                .add("summary.json", SUMMARY)
                .add("report.html", report)
                .addTree("exchanges", exchanges)
                .write(dir.resolve("out/evidence.zip"), operator, END);
        assertThat(w.files()).isEqualTo(4);
        return w.bundle();
    }

    @Test
    void aBundleAsWrittenVerifiesAndAttestsItsVerdict() throws Exception {
        Path zip = bundle();

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, operator.cert());

        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.filesChecked()).isEqualTo(4);
        assertThat(r.signer().subject()).contains("CN=Simulator operator test").contains("O=Test");
        assertThat(r.signer().fingerprint()).isEqualTo(EvidenceVerifier.fingerprint(operator.cert()));
        assertThat(r.signer().signedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
        assertThat(r.verdict().verdict()).isEqualTo("godkänd: reached Nivå 5 of target Nivå 5");
        assertThat(r.verdict().reachedLevel()).isEqualTo(5);
        assertThat(r.verdict().runId()).isEqualTo("20261125-001628-demo");
    }

    @Test
    void theManifestIsWhatSha256sumReadsSortedByName() throws Exception {
        Path zip = bundle();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String manifest = new String(z.getInputStream(z.getEntry(EvidenceBundle.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(manifest).isEqualTo(
                    EvidenceBundle.sha256Hex("<personId>191212121212</personId>".getBytes(StandardCharsets.UTF_8)) + "  exchanges/000001-t1.request.xml\n"
                    + EvidenceBundle.sha256Hex("<resultCode>OK</resultCode>".getBytes(StandardCharsets.UTF_8)) + "  exchanges/000001-t1.response.xml\n"
                    + EvidenceBundle.sha256Hex("<html>rapport 191212******</html>".getBytes(StandardCharsets.UTF_8)) + "  report.html\n"
                    + EvidenceBundle.sha256Hex(SUMMARY.getBytes(StandardCharsets.UTF_8)) + "  summary.json\n");
            assertThat(Collections.list(z.entries()).stream().map(ZipEntry::getName)).endsWith(
                    EvidenceBundle.MANIFEST, EvidenceBundle.SIGNATURE);
            assertThat(z.getEntry("summary.json").getLastModifiedTime().toInstant()).isEqualTo(END);
        }
    }

    @Test
    void aModifiedFileIsNamedAndTheVerdictIsNotTrusted() throws Exception {
        Path zip = rewrite(bundle(), m -> {
            m.put("summary.json", SUMMARY.replace("\"reachedLevel\":5", "\"reachedLevel\":4").getBytes(StandardCharsets.UTF_8));
            return m;
        });

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, null);

        assertThat(r.ok()).isFalse();
        assertThat(r.files()).containsExactly(new FileProblem("summary.json", Kind.MODIFIED));
        assertThat(r.problems()).as("the signature itself is still good").isEmpty();
        assertThat(r.verdict()).as("a changed summary attests nothing").isNull();
    }

    @Test
    void anAddedAndARemovedFileAreNamed() throws Exception {
        Path zip = rewrite(bundle(), m -> {
            m.put("extra/note.txt", "added later".getBytes(StandardCharsets.UTF_8));
            m.remove("exchanges/000001-t1.response.xml");
            return m;
        });

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, null);

        assertThat(r.files()).containsExactlyInAnyOrder(new FileProblem("extra/note.txt", Kind.ADDED),
                new FileProblem("exchanges/000001-t1.response.xml", Kind.MISSING));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void folderEntriesOfARezippedBundleAreNotFiles() throws Exception {
        // `zip -r` of an unpacked bundle adds an entry per folder; they hold nothing to change
        Path zip = rewrite(bundle(), m -> {
            Map<String, byte[]> withFolders = new LinkedHashMap<>();
            withFolders.put("exchanges/", new byte[0]);
            withFolders.putAll(m);
            return withFolders;
        });

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, null);

        assertThat(r.files()).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void aManifestReHashedToMatchAChangedFileBreaksTheSignature() throws Exception {
        Path zip = rewrite(bundle(), m -> {
            byte[] forged = "<html>forged</html>".getBytes(StandardCharsets.UTF_8);
            String manifest = new String(m.get(EvidenceBundle.MANIFEST), StandardCharsets.UTF_8).replaceAll(
                    "[0-9a-f]{64}  report.html", EvidenceBundle.sha256Hex(forged) + "  report.html");
            m.put("report.html", forged);
            m.put(EvidenceBundle.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
            return m;
        });

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, null);

        assertThat(r.files()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("not valid").contains("changed after it was signed");
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aDamagedSignatureOrNoneAtAllIsSaid() throws Exception {
        Path flipped = rewrite(bundle(), m -> {
            byte[] sig = m.get(EvidenceBundle.SIGNATURE);
            sig[sig.length - 10] ^= 0x01; // inside the ECDSA signature value
            return m;
        });
        EvidenceVerifier.Result r = EvidenceVerifier.verify(flipped, null);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString().contains("signature");

        Path garbage = rewrite(flipped, m -> {
            m.put(EvidenceBundle.SIGNATURE, "not a signature".getBytes(StandardCharsets.UTF_8));
            return m;
        });
        assertThat(EvidenceVerifier.verify(garbage, null).problems()).singleElement().asString()
                .contains("MANIFEST.sig is not a CMS signature");

        Path none = rewrite(flipped, m -> {
            m.remove(EvidenceBundle.SIGNATURE);
            return m;
        });
        assertThat(EvidenceVerifier.verify(none, null).problems()).singleElement().asString()
                .contains("MANIFEST.sig is missing");
    }

    @Test
    void aBundleSignedBySomeoneElseIsValidButNotTrusted() throws Exception {
        Path zip = rewrite(bundle(), m -> {
            try {
                m.put(EvidenceBundle.SIGNATURE, stranger.sign(m.get(EvidenceBundle.MANIFEST)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return m;
        });

        assertThat(EvidenceVerifier.verify(zip, null).ok()).as("without --trust any signer is reported").isTrue();
        EvidenceVerifier.Result trusted = EvidenceVerifier.verify(zip, operator.cert());
        assertThat(trusted.ok()).isFalse();
        assertThat(trusted.problems()).singleElement().asString().contains("CN=Someone else")
                .contains("not by the trusted certificate").contains(EvidenceVerifier.fingerprint(operator.cert()));
    }

    @Test
    void aSignerWhoseCertificateHadExpiredWhenItSignedIsRefused() throws Exception {
        TestSigner expired = TestSigner.create("Expired", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        Path zip = EvidenceBundle.builder().add("summary.json", SUMMARY).write(dir.resolve("e.zip"), expired, END).bundle();

        EvidenceVerifier.Result r = EvidenceVerifier.verify(zip, null);

        assertThat(r.problems()).singleElement().asString().contains("not valid when it signed");
    }

    @Test
    void aDuplicatedEntryAMalformedManifestAndAFileThatIsNotAZipAreRefused() throws Exception {
        Path zip = bundle();
        Map<String, byte[]> m = read(zip);
        Path dup = dir.resolve("dup.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(dup))) {
            for (var e : m.entrySet()) put(out, e.getKey(), e.getValue());
            // java.util.zip refuses a second entry of a name; write it under a name of the same length, then patch it
            put(out, "summary.jsoX", "{}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] raw = Files.readAllBytes(dup);
        String s = new String(raw, StandardCharsets.ISO_8859_1).replace("summary.jsoX", "summary.json");
        Files.write(dup, s.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(EvidenceVerifier.verify(dup, null).files()).contains(new FileProblem("summary.json", Kind.DUPLICATE));

        Path malformed = rewrite(zip, x -> {
            x.put(EvidenceBundle.MANIFEST, "not a manifest line\n".getBytes(StandardCharsets.UTF_8));
            return x;
        });
        EvidenceVerifier.Result r = EvidenceVerifier.verify(malformed, null);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("line 1 is not"));
        assertThat(r.files()).extracting(FileProblem::kind).containsOnly(Kind.ADDED);

        Path notZip = Files.writeString(dir.resolve("not.zip"), "plain text");
        assertThat(EvidenceVerifier.verify(notZip, null).problems()).singleElement().asString().startsWith("not a zip file");
        assertThatThrownBy(() -> EvidenceVerifier.verify(dir.resolve("nowhere.zip"), null)).isInstanceOf(IOException.class)
                .hasMessageContaining("nowhere.zip");
    }

    @Test
    void namesThatCouldEscapeAnUnpackingDirectoryOrBreakTheManifestAreRefused() {
        for (String bad : new String[] {"../x", "/etc/passwd", "a/../b", "a//b", "a\\b", "line\nbreak", "", "a/", "./a",
                EvidenceBundle.MANIFEST}) {
            assertThatThrownBy(() -> EvidenceBundle.builder().add(bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> EvidenceBundle.builder().add("a", "x").add("a", "y")).hasMessageContaining("two files named a");
    }

    @Test
    void aSignerThatFailsLeavesNoBundle() {
        Path target = dir.resolve("failed/evidence.zip");
        assertThatThrownBy(() -> EvidenceBundle.builder().add("summary.json", SUMMARY).write(target, m -> {
            throw new IOException("simulator unreachable");
        }, END)).hasMessageContaining("simulator unreachable");
        assertThat(target).doesNotExist();
        assertThat(target.getParent()).isEmptyDirectory();
    }

    // ---- helpers: a bundle's entries as a map, changed and written back ----------------------------

    private Path rewrite(Path zip, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = change.apply(read(zip));
        Path out = Files.createTempFile(dir, "changed", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (var e : entries.entrySet()) put(z, e.getKey(), e.getValue());
        }
        return out;
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    m.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return m;
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        OutputStream o = z;
        o.write(content);
        z.closeEntry();
    }
}
