package se.conformance.vendor.defect;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The switchable defects of the reference vendor (docs/harness.md, "Reference vendor defects").
 * Each breaks exactly one rule; the checklist items it breaks are listed with it.
 */
public enum Defect {
    HYPHENATED_SAMORDNINGSNUMMER("hyphenated-samordningsnummer",
            "sends a samordningsnummer (day of birth + 60) to e-frikort as YYYYMMDD-NNNN; personnummer stay 12 digits",
            "EFK-ID-001"),
    MISSING_EMPLOYEE_ON_CORRECTION("missing-employee-on-correction",
            "UpdateTransaction without actor/employeeId", "EFK-ACT-001", "EFK-ADM-001"),
    FULL_FEE_AT_CROSSING("full-fee-at-crossing",
            "charges and registers the whole fee at the crossing instead of the remainder", "EFK-REG-002"),
    PRELIMINARY_AS_NO_FRIKORT("preliminary-as-no-frikort",
            "treats a PRELIMINARY card as no frikort: charges and registers the fee", "EFK-REG-003"),
    REGISTERS_NO_SHOW("registers-no-show",
            "registers an uteblivet besök (NO_SHOW) fee as if it were a visit", "EFK-REG-004"),
    ZERO_AMOUNT_REGISTRATION("zero-amount-registration",
            "registers a free visit (FREE_VISIT or fee 0) as 0 kr", "EFK-REG-005"),
    CANCEL_WITHOUT_REASON("cancel-without-reason",
            "DeleteTransaction without deleteReason", "EFK-ADM-002"),
    OPTINREQUIRED_IGNORED("optinrequired-ignored",
            "on OPTINREQUIRED does nothing more (no RegisterOptIn, no second registration)", "EFK-OPT-001"),
    RESULT_TEXT_HIDDEN("result-text-hidden",
            "shows a generic text instead of the service's resultText on INFO and ERROR", "EFK-ERR-001"),
    TODAY_AS_TRANSACTION_DATE("today-as-transaction-date",
            "sends today's date (the vendor's clock) as transactionDate instead of the visit date", "EFK-REG-006"),
    TECHNICAL_ERROR_ON_DUPLICATE("technical-error-on-duplicate",
            "answers ERROR/TECHNICAL_ERROR to a CertificateStatusUpdateForCare it already has", "INT-NOT-004"),
    SLOW_NOTIFICATION_ANSWER("slow-notification-answer",
            "answers CertificateStatusUpdateForCare after 3 s", "INT-NOT-006"),
    RESULT_IN_WRONG_NAMESPACE("result-in-wrong-namespace",
            "puts the CertificateStatusUpdateForCareResponse's result element in the core namespace instead of the "
                    + "responder's (schema-invalid; the code is still readable by local name)", "INT-NOT-002");

    private final String id;
    private final String description;
    private final List<String> breaks;

    Defect(String id, String description, String... breaks) {
        this.id = id;
        this.description = description;
        this.breaks = List.of(breaks);
    }

    /** The name used on the command line and in docs/harness.md, e.g. {@code full-fee-at-crossing}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The checklist item ids this defect makes fail. */
    public List<String> breaks() {
        return breaks;
    }

    public static Optional<Defect> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equalsIgnoreCase(id) || d.name().equalsIgnoreCase(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
