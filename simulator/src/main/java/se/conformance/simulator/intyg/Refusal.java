package se.conformance.simulator.intyg;

/**
 * Ends a call with a refusal outcome. Thrown inside a write it rolls the write back; the service
 * turns it into the outcome, so it never leaves {@link IntygService}.
 */
final class Refusal extends RuntimeException {

    private final transient Outcome<?> outcome;

    Refusal(Outcome<?> outcome) {
        super(outcome.resultText(), null, false, false);
        this.outcome = outcome;
    }

    Outcome<?> outcome() {
        return outcome;
    }

    static Refusal error(ErrorId errorId, String text) {
        return new Refusal(Outcome.error(errorId, text));
    }

    static Refusal fault(String text) {
        return new Refusal(Outcome.fault(text));
    }
}
