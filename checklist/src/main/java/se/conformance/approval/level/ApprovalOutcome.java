package se.conformance.approval.level;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The verdict against the target level, in Inera's words (intyg.md §11). */
public enum ApprovalOutcome {
    /** The target level is reached without any deviation. */
    @JsonProperty("godkand") GODKAND("godkand", "godkänd"),
    /** The target level is reached only thanks to accepted, unexpired deviations. */
    @JsonProperty("godkand-med-forbehall") GODKAND_MED_FORBEHALL("godkand-med-forbehall", "godkänd med förbehåll"),
    /** The target level is not reached. */
    @JsonProperty("underkand") UNDERKAND("underkand", "underkänd");

    private final String id;
    private final String swedish;

    ApprovalOutcome(String id, String swedish) {
        this.id = id;
        this.swedish = swedish;
    }

    /** The id used in checklist.yaml's {@code outcomes}. */
    public String id() {
        return id;
    }

    /** The words an approver writes. */
    public String swedish() {
        return swedish;
    }
}
