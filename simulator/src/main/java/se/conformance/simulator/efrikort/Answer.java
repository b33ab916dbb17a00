package se.conformance.simulator.efrikort;

import java.util.Objects;

/**
 * What an operation answers: a result code, an optional text (shown to the user by a correct
 * client for INFO and ERROR) and, when performed, a value.
 */
public record Answer<T>(ResultCode code, String text, T value) {

    public Answer {
        Objects.requireNonNull(code, "code");
    }

    public static <T> Answer<T> ok(T value) {
        return new Answer<>(ResultCode.OK, null, value);
    }

    public static <T> Answer<T> info(String text, T value) {
        return new Answer<>(ResultCode.INFO, text, value);
    }

    /** A refusal; {@code code} must not be OK or INFO. */
    public static <T> Answer<T> refused(ResultCode code, String text) {
        if (code.performed()) throw new IllegalArgumentException(code + " is not a refusal");
        return new Answer<>(code, Objects.requireNonNull(text, "text"), null);
    }

    /** The same refusal carried over to another value type. */
    public <U> Answer<U> asRefusal() {
        if (code.performed()) throw new IllegalStateException(code + " is not a refusal");
        return new Answer<>(code, text, null);
    }
}
