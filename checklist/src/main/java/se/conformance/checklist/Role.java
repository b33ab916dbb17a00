package se.conformance.checklist;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/** The vendor system's side of a contract. */
public enum Role {
    /** The vendor system calls the service (the simulator answers). */
    @JsonProperty("client") CLIENT("client"),
    /** The service calls the vendor system (the harness calls it). */
    @JsonProperty("server") SERVER("server"),
    /** No contract direction: attestations and documents. */
    @JsonProperty("none") NONE("none");

    private final String jsonName;

    Role(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in checklist.yaml, vendor profiles and summary.json. */
    public String jsonName() {
        return jsonName;
    }

    /** The role with this data-file name, if any. */
    public static Optional<Role> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.jsonName.equals(name)).findFirst();
    }
}
