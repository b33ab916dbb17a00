package se.conformance.vendor.driver;

/**
 * The logged-in user and workplace of one driver call (common parameters {@code carePrincipal},
 * {@code careProvider}, {@code unit}, {@code employee}); each defaults to the simulator's seed.
 */
public record Workplace(String carePrincipal, String careProvider, String unit, String employee) {

    public static final String DEFAULT_CARE_PRINCIPAL = "SE2321000016-39KJ";
    public static final String DEFAULT_CARE_PROVIDER = "TSTNMT2321000156-1002";
    public static final String DEFAULT_UNIT = "TSTNMT2321000156-1077";
    public static final String DEFAULT_EMPLOYEE = "TSTNMT2321000156-1079";

    public static Workplace of(Params p) {
        return new Workplace(p.str("carePrincipal", DEFAULT_CARE_PRINCIPAL), p.str("careProvider", DEFAULT_CARE_PROVIDER),
                p.str("unit", DEFAULT_UNIT), p.str("employee", DEFAULT_EMPLOYEE));
    }
}
