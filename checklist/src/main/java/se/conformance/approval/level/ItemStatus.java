package se.conformance.approval.level;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The result of one checklist item in a run. */
public enum ItemStatus {
    /** The item's scenario(s) passed. */
    @JsonProperty("passed") PASSED("passed"),
    /** A scenario of the item failed. */
    @JsonProperty("failed") FAILED("failed"),
    /** The scenario did not run to the end (e.g. the driver lacks an action and no one answered). */
    @JsonProperty("skipped") SKIPPED("skipped"),
    /** The item does not apply to the declared capabilities. */
    @JsonProperty("not-applicable") NOT_APPLICABLE("not-applicable"),
    /** An attestation or document item with a signed statement or supplied document. */
    @JsonProperty("attested") ATTESTED("attested"),
    /** An attestation or document item without one. */
    @JsonProperty("missing-attestation") MISSING_ATTESTATION("missing-attestation");

    private final String jsonName;

    ItemStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in summary.json. */
    public String jsonName() {
        return jsonName;
    }
}
