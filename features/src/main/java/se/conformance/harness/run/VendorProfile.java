package se.conformance.harness.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vendor's profile (YAML, docs/harness.md): the system, what it implements, where its driver
 * and endpoints are, the level it aims at, its attestations, documents and accepted deviations.
 * A bad profile is refused with the field that is wrong (a harness error, exit 2).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record VendorProfile(String system, String version, String supplier, Integer targetLevel,
        List<String> change, List<Capability> capabilities, Endpoints endpoints, Simulator simulator,
        String attestations, Map<String, String> documents, List<DeviationEntry> deviations, Boolean masking) {

    public record Capability(String service, String role, List<String> contracts) {}

    public record Endpoints(String driver, String certificateStatusUpdateForCare) {}

    /** Where the simulator is; {@code tls} when it runs in shared mode (https, client certificates). */
    public record Simulator(Integer port, String url, Tls tls) {}

    /**
     * The harness's own function certificate and the CA of the simulator's server certificate,
     * PKCS#12 files relative to the profile (docs/trust-tls.md); passwords default to changeit.
     */
    public record Tls(String keyStore, String keyStorePassword, String trustStore, String trustStorePassword) {}

    public record DeviationEntry(String item, String reason, String approvedBy, LocalDate expires) {}

    public record AttestationEntry(String item, String statement, String signedBy, String signedAt) {}

    /** Thrown for a profile that cannot be used; the message names the file and the field. */
    public static final class BadProfile extends RuntimeException {
        public BadProfile(String message) {
            super(message);
        }
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, true);
    }

    public static VendorProfile read(Path file) {
        if (!Files.isRegularFile(file)) throw new BadProfile("profile " + file + " does not exist");
        VendorProfile p;
        try {
            p = yaml().readValue(file.toFile(), VendorProfile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new BadProfile(file + ": unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + " (known: " + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            throw new BadProfile(file + ": " + path(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadProfile(file + ": not readable YAML: " + e.getMessage());
        }
        if (p == null) throw new BadProfile(file + " is empty");
        p.check(file);
        return p;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            else b.append('[').append(r.getIndex()).append(']');
        }
        return b.length() == 0 ? "(top)" : b.toString();
    }

    private void check(Path file) {
        List<String> missing = new ArrayList<>();
        if (system == null || system.isBlank()) missing.add("system");
        if (version == null || version.isBlank()) missing.add("version");
        if (targetLevel == null) missing.add("targetLevel");
        if (capabilities == null || capabilities.isEmpty()) missing.add("capabilities");
        if (!missing.isEmpty()) throw new BadProfile(file + ": missing " + String.join(", ", missing));
        if (targetLevel < 1 || targetLevel > 5) throw new BadProfile(file + ": targetLevel must be 1..5, is " + targetLevel);
        for (int i = 0; i < capabilities.size(); i++) {
            Capability c = capabilities.get(i);
            if (c.service() == null || !List.of("efrikort", "intyg").contains(c.service())) {
                throw new BadProfile(file + ": capabilities[" + i + "].service must be efrikort or intyg, is " + c.service());
            }
            if (c.role() == null || !List.of("client", "server").contains(c.role())) {
                throw new BadProfile(file + ": capabilities[" + i + "].role must be client or server, is " + c.role());
            }
        }
        if (simulator != null && simulator.tls() != null) {
            Tls t = simulator.tls();
            if (t.trustStore() == null) throw new BadProfile(file + ": simulator.tls needs trustStore (the test CA's truststore.p12)");
            Path dir = file.toAbsolutePath().getParent();
            for (String f : new String[] {t.keyStore(), t.trustStore()}) {
                if (f != null && !Files.isRegularFile(dir.resolve(f))) {
                    throw new BadProfile(file + ": simulator.tls: " + dir.resolve(f) + " does not exist");
                }
            }
        }
        if (deviations != null) {
            for (int i = 0; i < deviations.size(); i++) {
                DeviationEntry d = deviations.get(i);
                if (d.item() == null || d.reason() == null || d.approvedBy() == null || d.expires() == null) {
                    throw new BadProfile(file + ": deviations[" + i + "] needs item, reason, approvedBy and expires");
                }
            }
        }
    }

    /** The attestations file named by the profile, read relative to the profile; empty when none is named. */
    public Map<String, AttestationEntry> readAttestations(Path profileFile) {
        Map<String, AttestationEntry> out = new LinkedHashMap<>();
        if (attestations == null) return out;
        Path f = profileFile.toAbsolutePath().getParent().resolve(attestations);
        if (!Files.isRegularFile(f)) throw new BadProfile(profileFile + ": attestations file " + f + " does not exist");
        try {
            AttestationEntry[] entries = yaml().readValue(f.toFile(), AttestationEntry[].class);
            for (AttestationEntry e : entries == null ? new AttestationEntry[0] : entries) {
                if (e.item() == null) throw new BadProfile(f + ": an attestation without item");
                out.put(e.item(), e);
            }
        } catch (IOException e) {
            throw new BadProfile(f + ": " + e.getMessage());
        }
        return out;
    }

    /** The documents named by the profile, resolved relative to the profile. */
    public Map<String, Path> documentPaths(Path profileFile) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (documents == null) return out;
        Path dir = profileFile.toAbsolutePath().getParent();
        documents.forEach((item, p) -> out.put(item, dir.resolve(p)));
        return out;
    }

    /** The harness's TLS set-up towards the simulator: from {@code simulator.tls}, or none (plain HTTP). */
    public se.conformance.harness.simulator.SimulatorTls simulatorTls(Path profileFile) {
        if (simulator == null || simulator.tls() == null) return se.conformance.harness.simulator.SimulatorTls.none();
        Tls t = simulator.tls();
        Path dir = profileFile.toAbsolutePath().getParent();
        try {
            return se.conformance.harness.simulator.SimulatorTls.of(t.keyStore() == null ? null : dir.resolve(t.keyStore()),
                    t.keyStorePassword(), dir.resolve(t.trustStore()), t.trustStorePassword());
        } catch (IllegalArgumentException e) {
            throw new BadProfile(profileFile + ": simulator.tls: " + e.getMessage());
        }
    }

    /** The simulator's base URL named by the profile, or null. */
    public String simulatorUrl() {
        if (simulator == null) return null;
        if (simulator.url() != null) return simulator.url();
        return simulator.port() == null ? null : "http://127.0.0.1:" + simulator.port();
    }

    public List<DeviationEntry> deviationList() {
        return deviations == null ? List.of() : deviations;
    }

    /** {@code masking: false} shows identity numbers and secrets in the report; default (absent): masked. */
    public boolean maskingOrDefault() {
        return masking == null || masking;
    }

    public List<String> changeKinds() {
        return change == null ? List.of() : change;
    }
}
