package se.conformance.harness.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * What the vendor system did when asked to act: {@code outcome} (done, refused, failed), the
 * text shown to the user and the action's own fields (docs/harness.md, test-driver protocol),
 * with the time the action took. An interactive run has no fields: {@link #known()} is false.
 */
public record DriverAnswer(JsonNode body, Duration elapsed) {

    public static DriverAnswer unknown(Duration elapsed) {
        return new DriverAnswer(JsonNodeFactory.instance.objectNode(), elapsed);
    }

    /** Whether the vendor reported what it did (a driver answered); false in interactive mode. */
    public boolean known() {
        return body.has("outcome");
    }

    public String outcome() {
        return body.path("outcome").asText("");
    }

    public String shown() {
        return body.path("shown").asText("");
    }

    public Optional<JsonNode> field(String name) {
        JsonNode n = body.get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    public Optional<String> text(String name) {
        return field(name).map(JsonNode::asText);
    }
}
