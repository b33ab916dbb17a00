package se.conformance.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import se.conformance.harness.simulator.SimulatorTls;

/**
 * Where the parts of one checklist run are: the simulator the vendor system is wired to, the
 * vendor's test driver and service endpoints, and the vendor's attestations and documents.
 *
 * @param simulatorUrl     base URL of the simulator (SOAP services and control API)
 * @param driverUrl        base URL of the vendor's test driver, {@code null} for interactive mode
 * @param notificationUrl  the vendor's CertificateStatusUpdateForCare endpoint, {@code null} if it serves none
 * @param interactiveWait  how long interactive mode waits for the vendor's traffic after printing an instruction
 * @param attestations     signed statements by item id
 * @param documents        supplied documents by item id
 * @param simulatorTls     the harness's certificate and trust towards a simulator in shared mode; none: plain HTTP
 */
public record HarnessConfig(String simulatorUrl, String driverUrl, String notificationUrl,
        Duration interactiveWait, Map<String, Attestation> attestations, Map<String, Path> documents,
        SimulatorTls simulatorTls) {

    public HarnessConfig {
        Objects.requireNonNull(simulatorUrl, "simulatorUrl");
        simulatorTls = simulatorTls == null ? SimulatorTls.none() : simulatorTls;
        interactiveWait = interactiveWait == null ? Duration.ofMinutes(2) : interactiveWait;
        attestations = attestations == null ? Map.of() : Map.copyOf(attestations);
        documents = documents == null ? Map.of() : Map.copyOf(documents);
    }

    /** A statement the vendor signed for an item a machine cannot judge. */
    public record Attestation(String item, String statement, String signedBy, String signedAt) {}
}
