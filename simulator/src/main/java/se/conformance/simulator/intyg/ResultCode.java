package se.conformance.simulator.intyg;

/** {@code ResultCodeType} of the core v3 schema: OK = done; INFO = done, show the text; ERROR = not done. */
public enum ResultCode {
    OK, INFO, ERROR
}
