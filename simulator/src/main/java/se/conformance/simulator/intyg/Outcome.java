package se.conformance.simulator.intyg;

import java.util.Objects;

/**
 * What an operation answers. Either a {@link Kind#RESULT}: the contract's {@code ResultType}
 * ({@code resultCode}, {@code errorId} for ERROR, {@code resultText} for INFO and ERROR) and, when
 * performed, a value; or a {@link Kind#FAULT}: the operations whose real service answers with a SOAP
 * fault (GetCertificate, ListCertificatesForCare, ListSickLeavesForCare, GetCertificateTypeInfo;
 * intyg.md §2.1, §3.2, §9.1) answer this, and the adapter turns {@link #resultText()} into the
 * faultstring. A fault carries no code, no errorId and no value.
 */
public record Outcome<T>(Kind kind, ResultCode resultCode, ErrorId errorId, String resultText, T value) {

    public enum Kind { RESULT, FAULT }

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RESULT) {
            Objects.requireNonNull(resultCode, "resultCode");
            if ((resultCode == ResultCode.ERROR) != (errorId != null)) {
                throw new IllegalArgumentException("errorId goes with ERROR and only with ERROR");
            }
            if (resultCode != ResultCode.OK) Objects.requireNonNull(resultText, "resultText");
        } else {
            if (resultCode != null || errorId != null || value != null) {
                throw new IllegalArgumentException("a fault carries only its text");
            }
            Objects.requireNonNull(resultText, "resultText");
        }
    }

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(Kind.RESULT, ResultCode.OK, null, null, value);
    }

    public static <T> Outcome<T> info(String text, T value) {
        return new Outcome<>(Kind.RESULT, ResultCode.INFO, null, text, value);
    }

    public static <T> Outcome<T> error(ErrorId errorId, String text) {
        return new Outcome<>(Kind.RESULT, ResultCode.ERROR, Objects.requireNonNull(errorId, "errorId"), text, null);
    }

    public static <T> Outcome<T> fault(String faultString) {
        return new Outcome<>(Kind.FAULT, null, null, faultString, null);
    }

    /** OK or INFO: the operation was done. */
    public boolean performed() {
        return kind == Kind.RESULT && resultCode != ResultCode.ERROR;
    }

    public boolean isFault() {
        return kind == Kind.FAULT;
    }

    /** The same refusal (ERROR or fault) carried over to another value type. */
    public <U> Outcome<U> asRefusal() {
        if (performed()) throw new IllegalStateException(resultCode + " is not a refusal");
        return new Outcome<>(kind, resultCode, errorId, resultText, null);
    }

    /** The same code and text with another value (for a performed outcome). */
    public <U> Outcome<U> withValue(U newValue) {
        if (!performed()) return asRefusal();
        return new Outcome<>(kind, resultCode, errorId, resultText, newValue);
    }
}
