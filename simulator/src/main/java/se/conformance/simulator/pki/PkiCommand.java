package se.conformance.simulator.pki;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import se.conformance.simulator.pki.CertificateProfile.FunctionCertificate;
import se.conformance.simulator.pki.CertificateProfile.ServerCertificate;

/**
 * {@code simulator pki …}: the test CA on the command line (docs/trust-tls.md). Exit codes: 0
 * done, 1 refused (e.g. a CA is already there, a bad HSA-id), 2 wrong usage.
 */
@Command(name = "pki", mixinStandardHelpOptions = true,
        description = "Test CA for mutual TLS: SITHS-like function certificates for vendor systems, server certificates, trust stores.",
        subcommands = {PkiCommand.Init.class, PkiCommand.IssueSystem.class, PkiCommand.IssueServer.class})
public final class PkiCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** Where the CA is and its password; shared by every subcommand. */
    static final class Place {
        @Option(names = "--dir", required = true, description = "directory of the test CA (created by 'pki init')")
        Path dir;

        @Option(names = "--password", defaultValue = TestCa.DEFAULT_PASSWORD,
                description = "password of every key store written or read (default: ${DEFAULT-VALUE}, a test CA's)")
        String password;
    }

    /** How long a certificate is valid: --days from now, or a fixed window (a past one makes an expired certificate). */
    static final class ValidityOptions {
        @Option(names = "--days", description = "valid from now for this many days (default ${DEFAULT-VALUE})", defaultValue = "0")
        int days;

        @Option(names = "--not-before", description = "first valid day (YYYY-MM-DD, UTC), with --not-after")
        LocalDate notBefore;

        @Option(names = "--not-after", description = "last valid day (YYYY-MM-DD, UTC), e.g. in the past for an expired certificate")
        LocalDate notAfter;

        Validity validity(int defaultDays, CommandLine cmd) {
            if (notBefore != null || notAfter != null) {
                if (days != 0) throw new CommandLine.ParameterException(cmd, "--days and --not-before/--not-after exclude each other");
                LocalDate to = notAfter != null ? notAfter : notBefore.plusDays(defaultDays);
                LocalDate from = notBefore != null ? notBefore : to.minusDays(defaultDays);
                if (to.isBefore(from)) throw new CommandLine.ParameterException(cmd, "--not-after is before --not-before");
                return Validity.between(from, to);
            }
            return Validity.days(days > 0 ? days : defaultDays);
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Creates the test CA: ca.p12, ca.pem and truststore.p12 in --dir.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Place place;

        @Mixin
        ValidityOptions validity;

        @Option(names = "--name", defaultValue = TestCa.DEFAULT_NAME, description = "CN of the CA (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--force", description = "replace a CA already in --dir (every certificate it issued stops being trusted)")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (Files.exists(place.dir.resolve(TestCa.CA_FILE)) && !force) {
                spec.commandLine().getErr().println("a test CA is already in " + place.dir.toAbsolutePath()
                        + " (" + TestCa.CA_FILE + "); --force replaces it");
                return 1;
            }
            TestCa ca = TestCa.create(name, validity.validity(3650, spec.commandLine()));
            ca.save(place.dir, place.password.toCharArray());
            out.println("test CA: " + ClientCertificates.describe(ca.certificate()));
            out.println("  valid " + window(ca.certificate()));
            for (String f : List.of(TestCa.CA_FILE + "         key and certificate (keep it here)",
                    TestCa.CA_PEM + "         certificate, for curl --cacert and openssl",
                    TestCa.TRUST_STORE_FILE + " certificate as trusted entry, for --tls-truststore and Java clients")) {
                out.println("  " + place.dir.resolve(f));
            }
            return 0;
        }
    }

    @Command(name = "issue-system", mixinStandardHelpOptions = true,
            description = "Issues a SITHS-like function certificate for a vendor system (HSA-id in subject serialNumber, clientAuth).")
    static final class IssueSystem implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Place place;

        @Mixin
        ValidityOptions validity;

        @Option(names = "--hsa-id", required = true, description = "the system's HSA-id, e.g. TSTNMT2321000156-K001")
        String hsaId;

        @Option(names = "--name", required = true, description = "the system's name (CN), e.g. \"Kassasystem AB\"")
        String name;

        @Option(names = "--org", description = "organisation (O), optional")
        String organisation;

        @Option(names = "--out", description = "base name of the files (default: the HSA-id)")
        String out;

        @Override
        public Integer call() {
            FunctionCertificate profile;
            try {
                profile = new FunctionCertificate(hsaId, name, organisation);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
            return issue(spec, place, profile, validity.validity(730, spec.commandLine()), out != null ? out : hsaId);
        }
    }

    @Command(name = "issue-server", mixinStandardHelpOptions = true,
            description = "Issues the simulator's TLS server certificate (serverAuth; DNS names and IP addresses as subjectAltName).")
    static final class IssueServer implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Place place;

        @Mixin
        ValidityOptions validity;

        @Option(names = "--dns", description = "DNS name (repeatable; default localhost unless --ip is given)")
        List<String> dns = new ArrayList<>();

        @Option(names = "--ip", description = "IP address (repeatable; default 127.0.0.1 unless --dns is given)")
        List<String> ip = new ArrayList<>();

        @Option(names = "--out", defaultValue = "server", description = "base name of the files (default: ${DEFAULT-VALUE})")
        String out;

        @Override
        public Integer call() {
            List<String> names = dns.isEmpty() && ip.isEmpty() ? List.of("localhost") : dns;
            List<String> addresses = dns.isEmpty() && ip.isEmpty() ? List.of("127.0.0.1") : ip;
            return issue(spec, place, new ServerCertificate(names, addresses), validity.validity(825, spec.commandLine()), out);
        }
    }

    private static int issue(CommandLine.Model.CommandSpec spec, Place place, CertificateProfile profile, Validity validity,
            String name) {
        PrintWriter out = spec.commandLine().getOut();
        TestCa ca;
        try {
            ca = TestCa.load(place.dir, place.password.toCharArray());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        IssuedCertificate issued = ca.issue(profile, validity);
        Path p12 = issued.writeTo(place.dir, name, place.password.toCharArray());
        out.println("issued: " + ClientCertificates.describe(issued.certificate()));
        out.println("  by " + ClientCertificates.describe(ca.certificate()) + ", valid " + window(issued.certificate()));
        out.println("  " + p12 + "      key and chain (PKCS#12)");
        out.println("  " + place.dir.resolve(name + ".pem") + "      certificate and CA certificate");
        out.println("  " + place.dir.resolve(name + ".key.pem") + "  private key (PKCS#8, unencrypted)");
        return 0;
    }

    private static String window(X509Certificate c) {
        return DAY.format(c.getNotBefore().toInstant()) + " to " + DAY.format(c.getNotAfter().toInstant());
    }
}
