package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void resultsAndFaults() {
        assertThat(Outcome.ok("v").performed()).isTrue();
        assertThat(Outcome.info("shown", null).performed()).isTrue();
        Outcome<String> error = Outcome.error(ErrorId.APPLICATION_ERROR, "no");
        assertThat(error.performed()).isFalse();
        assertThat(error.isFault()).isFalse();
        Outcome<String> fault = Outcome.fault("gone");
        assertThat(fault.isFault()).isTrue();
        assertThat(fault.performed()).isFalse();
        assertThat(fault.resultCode()).isNull();
        assertThat(fault.<Integer>asRefusal().resultText()).isEqualTo("gone");
        assertThat(Outcome.ok(null).withValue(3).value()).isEqualTo(3);
        assertThat(error.withValue(3).value()).isNull();
    }

    @Test
    void inconsistentOutcomesCannotBeBuilt() {
        assertThatThrownBy(() -> new Outcome<>(Outcome.Kind.RESULT, ResultCode.OK, ErrorId.TECHNICAL_ERROR, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outcome<>(Outcome.Kind.RESULT, ResultCode.ERROR, null, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcome.info(null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Outcome.ok(null).asRefusal()).isInstanceOf(IllegalStateException.class);
    }
}
