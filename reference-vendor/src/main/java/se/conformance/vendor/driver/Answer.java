package se.conformance.vendor.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * A driver answer: {@code outcome} (done, refused, failed), {@code shown} (what the user was shown,
 * "" if nothing) and the action's own fields.
 */
public final class Answer {

    public enum Outcome { DONE, REFUSED, FAILED }

    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    private Answer(Outcome outcome, String shown) {
        json.put("outcome", outcome.name().toLowerCase());
        json.put("shown", shown == null ? "" : shown);
    }

    public static Answer done(String shown) {
        return new Answer(Outcome.DONE, shown);
    }

    public static Answer refused(String shown) {
        return new Answer(Outcome.REFUSED, shown);
    }

    public static Answer failed(String shown) {
        return new Answer(Outcome.FAILED, shown);
    }

    public Answer put(String field, String value) {
        json.put(field, value);
        return this;
    }

    public Answer put(String field, boolean value) {
        json.put(field, value);
        return this;
    }

    public Answer put(String field, BigDecimal value) {
        if (value == null) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
        return this;
    }

    public Answer put(String field, JsonNode value) {
        json.set(field, value);
        return this;
    }

    public Answer shown(String shown) {
        json.put("shown", shown == null ? "" : shown);
        return this;
    }

    public String outcome() {
        return json.get("outcome").asText();
    }

    public ObjectNode json() {
        return json;
    }
}
