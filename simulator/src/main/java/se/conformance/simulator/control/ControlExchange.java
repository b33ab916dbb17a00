package se.conformance.simulator.control;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.List;
import java.util.Map;

/**
 * One control request as the control resources see it: method, path segments after
 * {@code /control/}, JSON body and query, and the JSON answers. A {@link BadRequest} thrown
 * anywhere while handling it becomes a 4xx answer naming the field.
 */
final class ControlExchange {

    /**
     * Control bodies are small, flat objects; the largest text is a certificate's answers as XML. A
     * body beyond these limits (a JSON bomb) is refused by the parser with a message naming the limit.
     * The body as a whole is already within RequestLimits.maxBodyBytes.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(256 * 1024)
            .maxNumberLength(64)
            .maxNameLength(256)
            .build();

    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().streamReadConstraints(LIMITS).build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

    /** A refusal of a control request, with the HTTP status to answer. */
    static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final Request request;
    private final List<String> path;

    ControlExchange(Request request) {
        this.request = request;
        String url = request.getUrl();
        String p = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        this.path = List.of(p.substring("/control/".length()).split("/"));
    }

    RequestMethod method() {
        return request.getMethod();
    }

    boolean is(RequestMethod method) {
        return method.equals(request.getMethod());
    }

    /** Path segments after {@code /control/}. */
    List<String> path() {
        return path;
    }

    String segment(int i) {
        return i < path.size() ? path.get(i) : null;
    }

    int depth() {
        return path.size();
    }

    Request request() {
        return request;
    }

    static void requireMethod(RequestMethod actual, RequestMethod expected) {
        if (!expected.equals(actual)) throw new BadRequest(405, "use " + expected);
    }

    void requireMethod(RequestMethod expected) {
        if (!expected.equals(request.getMethod())) throw new BadRequest(405, "use " + expected);
    }

    BadRequest notFound() {
        return new BadRequest(404, "no control endpoint /control/" + String.join("/", path));
    }

    JsonNode body() throws JsonProcessingException {
        return JSON.readTree(nonEmptyBody());
    }

    /** The body, or an empty object when there is none. */
    ObjectNode optionalObjectBody() throws JsonProcessingException {
        String body = request.getBodyAsString();
        if (body == null || body.isBlank()) return JSON.createObjectNode();
        JsonNode node = JSON.readTree(body);
        if (!node.isObject()) throw new BadRequest(400, "body: a JSON object is expected");
        return (ObjectNode) node;
    }

    ObjectNode objectBody() throws JsonProcessingException {
        JsonNode node = body();
        if (!node.isObject()) throw new BadRequest(400, "body: a JSON object is expected");
        return (ObjectNode) node;
    }

    <T> T bodyAs(Class<T> type) throws JsonProcessingException {
        return JSON.readValue(nonEmptyBody(), type);
    }

    String nonEmptyBody() {
        String body = request.getBodyAsString();
        if (body == null || body.isBlank()) throw new BadRequest(400, "body: a JSON body is required");
        return body;
    }

    String query(String name) {
        QueryParameter q = request.queryParameter(name);
        return q.isPresent() ? q.firstValue() : null;
    }

    static long parseLong(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(400, field + ": not a number: '" + value + "'");
        }
    }

    static void require(Object value, String field) {
        if (value == null) throw new BadRequest(400, field + ": required");
    }

    /** A required text field of a JSON object. */
    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) throw new BadRequest(400, field + ": required");
        return v.asText();
    }

    /** An optional text field of a JSON object. */
    static String optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static ResponseDefinition json(int status, Object value) {
        try {
            return new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json; charset=UTF-8")
                    .withBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinition error(int status, String message) {
        return json(status, Map.of("error", message == null ? "bad request" : message));
    }
}
