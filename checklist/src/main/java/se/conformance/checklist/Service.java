package se.conformance.checklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** The national service a checklist item or a declared capability concerns. */
public enum Service {
    /** CGI's eFrikort (digital high-cost protection). */
    @JsonProperty("efrikort") EFRIKORT("efrikort"),
    /** Inera's Intygstjänster and Webcert. */
    @JsonProperty("intyg") INTYG("intyg"),
    /** Not tied to one service: applies to every connecting system. */
    @JsonProperty("general") GENERAL("general");

    private final String jsonName;

    Service(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in checklist.yaml, vendor profiles and summary.json. */
    public String jsonName() {
        return jsonName;
    }

    /** The service with this data-file name, if any. */
    public static Optional<Service> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.jsonName.equals(name)).findFirst();
    }
}
