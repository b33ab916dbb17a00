package se.conformance.simulator.control;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may use the control API in shared mode: one operator token, and per vendor (tenant) a token and
 * the HSA-ids of its calling systems. File format ({@code --control-tokens FILE}):
 *
 * <pre>
 * operator:
 *   token: "…"            # at least 16 characters
 * tenants:
 *   - id: kassa-a
 *     token: "…"
 *     systems: [TSTNMT2321000156-A001]
 * </pre>
 *
 * Tokens are compared in constant time (SHA-256 digests with {@link MessageDigest#isEqual}, every
 * configured token compared on every request), so the time of a refusal tells nothing about a token.
 * A calling system belongs to at most one tenant: otherwise two vendors would see each other's journal.
 */
public final class ControlTokens {

    static final int MIN_TOKEN_LENGTH = 16;

    /** A vendor: its id, token and calling systems. */
    public record Tenant(String id, String token, List<String> systems) {
        public Tenant {
            systems = systems == null ? List.of() : List.copyOf(systems);
        }

        @Override
        public String toString() { // never print a token
            return "Tenant[id=" + id + ", systems=" + systems + "]";
        }
    }

    private record Entry(byte[] digest, ControlCaller caller) {}

    private final List<Entry> entries;

    private ControlTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the problem: a missing or short token, a token used twice, a
     *     tenant id or calling system given twice
     */
    public static ControlTokens of(String operatorToken, List<Tenant> tenants) {
        List<Entry> entries = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        checkToken("operator.token", operatorToken, tokens);
        entries.add(new Entry(digest(operatorToken), ControlCaller.OPERATOR));
        Map<String, String> systemOwner = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++) {
            Tenant t = tenants.get(i);
            String where = "tenants[" + i + "]";
            if (t.id() == null || t.id().isBlank()) throw new IllegalArgumentException(where + ".id: required");
            if (!ids.add(t.id())) throw new IllegalArgumentException(where + ".id: tenant " + t.id() + " given twice");
            checkToken(where + ".token", t.token(), tokens);
            for (String system : t.systems()) {
                String other = systemOwner.putIfAbsent(system, t.id());
                if (other != null) {
                    throw new IllegalArgumentException(where + ".systems: " + system + " already belongs to tenant "
                            + other + "; a calling system belongs to one tenant");
                }
            }
            entries.add(new Entry(digest(t.token()), new ControlCaller(t.id(), Set.copyOf(t.systems()))));
        }
        return new ControlTokens(entries);
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    private record File(Operator operator, List<Tenant> tenants) {}

    private record Operator(String token) {}

    /** Reads the YAML file; {@link IllegalArgumentException} names the file and the problem. */
    public static ControlTokens load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            File f = yaml.readValue(Files.readString(file, StandardCharsets.UTF_8), File.class);
            if (f == null || f.operator() == null) throw new IllegalArgumentException("operator.token: required");
            return of(f.operator().token(), f.tenants() == null ? List.of() : f.tenants());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The caller a {@code Authorization: Bearer <token>} header names; empty when the header is missing,
     * is not a bearer token, or names no configured token.
     */
    public Optional<ControlCaller> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        byte[] presented = digest(authorization.substring(7).trim());
        ControlCaller found = null;
        for (Entry e : entries) { // no early exit: every request costs the same comparisons
            if (MessageDigest.isEqual(e.digest(), presented)) found = e.caller();
        }
        return Optional.ofNullable(found);
    }

    /** The tenants' calling systems, by tenant id. */
    public Map<String, Set<String>> tenantSystems() {
        Map<String, Set<String>> out = new HashMap<>();
        for (Entry e : entries) if (!e.caller().operator()) out.put(e.caller().tenantId(), e.caller().systems());
        return out;
    }

    private static void checkToken(String field, String token, Set<String> seen) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException(field + ": required");
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException(field + ": at least " + MIN_TOKEN_LENGTH + " characters");
        }
        if (!seen.add(token)) throw new IllegalArgumentException(field + ": the same token is given twice");
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
