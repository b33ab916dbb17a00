package se.conformance.checklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** What proves that a checklist item is fulfilled. */
public enum Evidence {
    /** An executable Gherkin scenario tagged with the item id. */
    @JsonProperty("scenario") SCENARIO("scenario"),
    /** A signed statement by the supplier (självdeklaration). */
    @JsonProperty("attestation") ATTESTATION("attestation"),
    /** A supplied document, e.g. the solution description. */
    @JsonProperty("document") DOCUMENT("document");

    private final String jsonName;

    Evidence(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in checklist.yaml and summary.json. */
    public String jsonName() {
        return jsonName;
    }

    /** The evidence kind with this data-file name, if any. */
    public static Optional<Evidence> fromName(String name) {
        return Arrays.stream(values()).filter(e -> e.jsonName.equals(name)).findFirst();
    }
}
