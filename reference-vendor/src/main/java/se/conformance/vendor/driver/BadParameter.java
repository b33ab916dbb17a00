package se.conformance.vendor.driver;

/** A driver parameter that is missing or malformed: answered 400 naming the parameter. */
public final class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String why) {
        super(parameter + ": " + why);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
