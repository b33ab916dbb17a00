package se.conformance.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.conformance.vendor.defect.Defect;

/** {@code java -jar reference-vendor.jar --port 9190 --simulator-url http://127.0.0.1:8088 [--defect NAME]…} */
@Command(name = "reference-vendor", mixinStandardHelpOptions = true, version = "reference-vendor 1.4.0",
        description = "Referenskassan: a small cash-register and journal system for the approval harness.")
public final class ReferenceVendorMain implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port of the driver and the notification endpoint (default ${DEFAULT-VALUE}; 0 = any)")
    int port = 9190;

    @Option(names = "--bind", description = "bind address (default ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(names = "--simulator-url", description = "where e-frikort and Intygstjänster are (default ${DEFAULT-VALUE})")
    String simulatorUrl = "http://127.0.0.1:8088";

    @Option(names = "--defect", paramLabel = "NAME",
            description = "switch on a defect (repeatable); '--defect list' prints the names and what each breaks")
    List<String> defects = new ArrayList<>();

    @Option(names = "--call-timeout", description = "time-out of a service call, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration callTimeout = Duration.ofSeconds(30);

    @Option(names = "--today", description = "fix the vendor's date (YYYY-MM-DD), e.g. to the simulator's simulated date")
    LocalDate today;

    @Option(names = "--tls-keystore", paramLabel = "P12",
            description = "the system's function certificate for a simulator that requires one (pki issue-system)")
    java.nio.file.Path tlsKeyStore;

    @Option(names = "--tls-keystore-password", description = "default ${DEFAULT-VALUE}")
    String tlsKeyStorePassword = "changeit";

    @Option(names = "--tls-truststore", paramLabel = "P12", description = "the CA of the simulator's server certificate (truststore.p12)")
    java.nio.file.Path tlsTrustStore;

    @Option(names = "--tls-truststore-password", description = "default ${DEFAULT-VALUE}")
    String tlsTrustStorePassword = "changeit";

    public static void main(String[] args) {
        int code = new CommandLine(new ReferenceVendorMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (defects.contains("list")) {
            for (Defect d : Defect.values()) {
                System.out.printf("%-32s breaks %-25s %s%n", d.id(), String.join(", ", d.breaks()), d.description());
            }
            return 0;
        }
        Set<Defect> chosen = EnumSet.noneOf(Defect.class);
        for (String name : defects) {
            Defect d = Defect.byId(name).orElse(null);
            if (d == null) {
                System.err.println("unknown defect '" + name + "'; '--defect list' prints the names");
                return 2;
            }
            chosen.add(d);
        }
        ReferenceVendor.Builder b = ReferenceVendor.builder().withPort(port).withBindAddress(bind)
                .withSimulatorUrl(simulatorUrl).withDefects(chosen).withCallTimeout(callTimeout);
        if (tlsKeyStore != null) b.withClientCertificate(tlsKeyStore, tlsKeyStorePassword);
        if (tlsTrustStore != null) b.withTrustStore(tlsTrustStore, tlsTrustStorePassword);
        if (today != null) {
            b.withClock(Clock.fixed(today.atTime(8, 0).atZone(ReferenceVendor.SWEDEN).toInstant(), ReferenceVendor.SWEDEN));
        }
        ReferenceVendor vendor = b.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vendor.stop();
            stopped.countDown();
        }));
        System.out.println("reference-vendor ready on http://" + bind + ":" + vendor.port() + " (driver /driver, "
                + "notifications " + ReferenceVendor.NOTIFICATION_PATH + ") calling " + simulatorUrl
                + "; defects: " + (chosen.isEmpty() ? "none" : chosen));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
