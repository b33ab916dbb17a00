package se.conformance.simulator.efrikort;

/**
 * Ends a call with a refusal answer. Thrown inside a write it rolls the write back; the service
 * turns it into the answer, so it never leaves {@link EfrikortService}.
 */
final class Refusal extends RuntimeException {

    private final transient Answer<?> answer;

    Refusal(Answer<?> answer) {
        super(answer.text(), null, false, false);
        this.answer = answer;
    }

    Answer<?> answer() {
        return answer;
    }

    /** The value of a performed answer; a refusal is thrown. */
    static <T> T require(Answer<T> answer) {
        if (!answer.code().performed()) throw new Refusal(answer);
        return answer.value();
    }
}
