package se.conformance.simulator.intyg.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.caller.CallerIdentity;

class ProviderAccessTest {

    @ParameterizedTest(name = "[{index}] {0} {1} (registered: {2}) on a certificate of {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "ANONYMOUS     |       |      | CP-B | true",
            "DECLARED      | SYS-X |      | CP-B | true",   // unregistered and declared: quickstart, unchecked
            "DECLARED      | SYS-A | CP-A | CP-A | true",
            "DECLARED      | SYS-A | CP-A | CP-B | false",
            "AUTHENTICATED | SYS-A | CP-A | CP-A | true",
            "AUTHENTICATED | SYS-A | CP-A | CP-B | false",
            "AUTHENTICATED | SYS-X |      | CP-A | false",  // a certificate alone lets no one in
            "AUTHENTICATED | SYS-A | ''   | CP-A | false",  // registered for no provider
    })
    void permits(CallerIdentity.Kind kind, String hsaId, String registered, String provider, boolean permitted) {
        Optional<List<String>> providers = registered == null ? Optional.empty()
                : Optional.of(registered.isEmpty() ? List.of() : List.of(registered));

        ProviderAccess access = ProviderAccess.of(new CallerIdentity(kind, hsaId), providers);

        assertThat(access.permits(provider)).isEqualTo(permitted);
    }

    @ParameterizedTest(name = "refusal texts name the caller and what it asked for")
    @CsvSource(delimiter = '|', value = {"SYS-A | CERT-1 | CP-B"})
    void refusalsNameTheCallerNotTheOtherProvider(String hsaId, String certificateId, String askedProvider) {
        ProviderAccess access = ProviderAccess.of(new CallerIdentity(CallerIdentity.Kind.AUTHENTICATED, hsaId),
                Optional.of(List.of("CP-A")));

        assertThat(access.refusalForCertificate(certificateId))
                .isEqualTo("Calling system SYS-A is not registered for the care provider of certificate CERT-1");
        assertThat(access.refusalForProvider(askedProvider))
                .isEqualTo("Calling system SYS-A is not registered for care provider CP-B");
    }
}
