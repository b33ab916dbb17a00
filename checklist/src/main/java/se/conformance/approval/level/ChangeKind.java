package se.conformance.approval.level;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/**
 * What changed in the vendor system since its last approval, as the vendor profile declares it
 * ({@code change}). eHälsomyndigheten sizes every approval individually from the extent of the
 * change (frikort.md §4.1); each kind carries the level we suggest for it.
 */
public enum ChangeKind {
    @JsonProperty("new-system") NEW_SYSTEM("new-system", 5, "a new system is tested on the whole contract surface"),
    @JsonProperty("new-contract") NEW_CONTRACT("new-contract", 4, "a newly used contract needs its functions and robustness tested"),
    @JsonProperty("changed-message-content") CHANGED_MESSAGE_CONTENT("changed-message-content", 3,
            "changed message content touches the business rules"),
    @JsonProperty("changed-non-functional") CHANGED_NON_FUNCTIONAL("changed-non-functional", 2,
            "a non-functional change needs the basic flows retested"),
    @JsonProperty("changed-user-interface") CHANGED_USER_INTERFACE("changed-user-interface", 2,
            "a user-interface change needs the basic flows retested"),
    @JsonProperty("no-change") NO_CHANGE("no-change", 1, "without a change the self-declaration is renewed");

    private final String jsonName;
    private final int suggestedLevel;
    private final String why;

    ChangeKind(String jsonName, int suggestedLevel, String why) {
        this.jsonName = jsonName;
        this.suggestedLevel = suggestedLevel;
        this.why = why;
    }

    /** The name used in the vendor profile. */
    public String jsonName() {
        return jsonName;
    }

    /** The level this kind of change suggests on its own. */
    public int suggestedLevel() {
        return suggestedLevel;
    }

    /** Why this kind suggests its level. */
    public String why() {
        return why;
    }

    /** The kind with this profile name, if any. */
    public static Optional<ChangeKind> fromName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
}
