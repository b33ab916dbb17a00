package se.conformance.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlTokensTest {

    private static final String OPERATOR = "operator-token-0123456789";
    private static final String A = "tenant-a-token-0123456789";
    private static final String B = "tenant-b-token-0123456789";

    private static ControlTokens tokens() {
        return ControlTokens.of(OPERATOR, List.of(new ControlTokens.Tenant("kassa-a", A, List.of("SYS-A")),
                new ControlTokens.Tenant("kassa-b", B, List.of("SYS-B1", "SYS-B2"))));
    }

    @ParameterizedTest(name = "[{index}] Authorization: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Bearer operator-token-0123456789 | operator",
            "bearer operator-token-0123456789 | operator",
            "Bearer tenant-a-token-0123456789 | kassa-a",
            "Bearer tenant-b-token-0123456789 | kassa-b",
            "Bearer tenant-a-token-012345678  | ",
            "Bearer tenant-a-token-0123456789x | ",
            "Basic dGVuYW50LWEtdG9rZW4tMDEyMzQ1Njc4OQ== | ",
            "tenant-a-token-0123456789 | ",
            "Bearer | ",
            " | ",
    })
    void authenticates(String header, String who) {
        var caller = tokens().authenticate(header);

        assertThat(caller.map(c -> c.operator() ? "operator" : c.tenantId()).orElse(null)).isEqualTo(who);
    }

    @Test
    void aTenantCarriesItsSystems() {
        assertThat(tokens().authenticate("Bearer " + B).orElseThrow().systems()).isEqualTo(Set.of("SYS-B1", "SYS-B2"));
        assertThat(tokens().tenantSystems()).containsOnlyKeys("kassa-a", "kassa-b");
    }

    @Test
    void readsTheDocumentedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, """
                operator:
                  token: "operator-token-0123456789"
                tenants:
                  - id: kassa-a
                    token: "tenant-a-token-0123456789"
                    systems: [SYS-A]
                """);

        ControlTokens loaded = ControlTokens.load(file);

        assertThat(loaded.authenticate("Bearer " + A).orElseThrow().systems()).containsExactly("SYS-A");
        assertThat(loaded.authenticate("Bearer " + OPERATOR).orElseThrow().operator()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "operator: {token: short} | operator.token: at least 16 characters",
            "tenants: [] | operator.token: required",
            "'operator: {token: operator-token-0123456789}\ntenants: [{id: a, token: operator-token-0123456789}]' | tenants[0].token: the same token is given twice",
            "'operator: {token: operator-token-0123456789}\ntenants: [{id: a, token: tenant-a-token-0123456789, systems: [S]}, {id: b, token: tenant-b-token-0123456789, systems: [S]}]' | tenants[1].systems: S already belongs to tenant a",
            "'operator: {token: operator-token-0123456789}\ntenants: [{token: tenant-a-token-0123456789}]' | tenants[0].id: required",
            "'operator: {token: operator-token-0123456789}\ntenant: []' | Unrecognized field \"tenant\"",
    })
    void refusesABadFileNamingTheProblem(String yaml, String problem, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.yaml");
        Files.writeString(file, yaml);

        assertThatThrownBy(() -> ControlTokens.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(problem);
    }

    @Test
    void aTenantNeverPrintsItsToken() {
        assertThat(new ControlTokens.Tenant("kassa-a", A, List.of("SYS-A")).toString()).doesNotContain(A);
    }
}
