package se.conformance.simulator.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerIdentityTest {

    @ParameterizedTest(name = "[{index}] tls={0} rivta={1} declared accepted={2} → {3} {4}")
    @CsvSource(delimiter = '|', value = {
            // the verified certificate wins over anything declared, in either mode
            "SYS-A |       | true  | AUTHENTICATED | SYS-A",
            "SYS-A | SYS-B | true  | AUTHENTICATED | SYS-A",
            "SYS-A | SYS-B | false | AUTHENTICATED | SYS-A",
            // quickstart: the RIV-TA header names the caller
            "      | SYS-B | true  | DECLARED      | SYS-B",
            "      | ' SYS-B ' | true | DECLARED   | SYS-B",
            // shared mode: a declared id is not taken
            "      | SYS-B | false | ANONYMOUS     | ",
            "      |       | true  | ANONYMOUS     | ",
            "' '   | ' '   | true  | ANONYMOUS     | ",
    })
    void resolves(String tls, String rivta, boolean acceptDeclared, CallerIdentity.Kind kind, String hsaId) {
        Map<String, String> headers = new HashMap<>();
        if (tls != null) headers.put(CallerIdentity.TLS_HEADER, tls);
        if (rivta != null) headers.put(CallerIdentity.RIVTA_HEADER, rivta);

        CallerIdentity caller = CallerIdentity.of(headers::get, acceptDeclared);

        assertThat(caller.kind()).isEqualTo(kind);
        assertThat(caller.hsaId()).isEqualTo(hsaId);
    }

    @ParameterizedTest(name = "a {0}-character header is no HSA-id")
    @CsvSource({"129", "100000"})
    void anOverlongHeaderIsNoIdentity(int length) {
        String value = "X".repeat(length);

        assertThat(CallerIdentity.of(h -> value, true).anonymous()).isTrue();
    }

    @ParameterizedTest(name = "{0} with HSA-id {1} is refused")
    @CsvSource(delimiter = '|', value = {"ANONYMOUS | SYS-A", "DECLARED | ", "AUTHENTICATED | "})
    void kindAndIdGoTogether(CallerIdentity.Kind kind, String hsaId) {
        assertThatThrownBy(() -> new CallerIdentity(kind, hsaId)).isInstanceOf(IllegalArgumentException.class);
    }
}
