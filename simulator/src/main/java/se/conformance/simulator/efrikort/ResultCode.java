package se.conformance.simulator.efrikort;

/** {@code ResultCodeType} of the v3 core schema. All but OK and INFO mean "not performed". */
public enum ResultCode {
    OK, INFO, ERROR, VALIDATION_ERROR, ACCESSDENIED, OPTINREQUIRED, OPTOUT;

    public boolean performed() {
        return this == OK || this == INFO;
    }
}
