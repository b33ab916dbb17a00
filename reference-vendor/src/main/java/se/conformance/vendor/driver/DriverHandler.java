package se.conformance.vendor.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The test-driver protocol (docs/harness.md): {@code GET /driver} → system, version, actions;
 * {@code POST /driver/reset}; {@code POST /driver/actions/{name}} with a JSON object of parameters →
 * 200 with outcome, shown and the action's fields; 404 for an unknown action, 400 naming a bad
 * parameter.
 */
public final class DriverHandler implements HttpHandler {

    public static final String SYSTEM = "Referenskassan";
    public static final String VERSION = "1.4.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Function<Params, Answer>> actions = new LinkedHashMap<>();
    private final Runnable reset;

    public DriverHandler(Runnable reset) {
        this.reset = reset;
    }

    public DriverHandler action(String name, Function<Params, Answer> action) {
        actions.put(name, action);
        return this;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String rest = path.substring("/driver".length());
            if (rest.endsWith("/") && rest.length() > 0) {
                rest = rest.substring(0, rest.length() - 1);
            }
            String method = ex.getRequestMethod();
            if (rest.isEmpty()) {
                if (!method.equals("GET")) {
                    send(ex, 405, error("use GET"));
                    return;
                }
                ObjectNode o = JSON.createObjectNode();
                o.put("system", SYSTEM);
                o.put("version", VERSION);
                actions.keySet().forEach(o.putArray("actions")::add);
                send(ex, 200, o);
            } else if (rest.equals("/reset")) {
                if (!method.equals("POST")) {
                    send(ex, 405, error("use POST"));
                    return;
                }
                reset.run();
                ObjectNode o = JSON.createObjectNode();
                o.put("reset", true);
                send(ex, 200, o);
            } else if (rest.startsWith("/actions/")) {
                String name = rest.substring("/actions/".length());
                Function<Params, Answer> action = actions.get(name);
                if (action == null) {
                    send(ex, 404, error("unknown action: " + name));
                    return;
                }
                if (!method.equals("POST")) {
                    send(ex, 405, error("use POST"));
                    return;
                }
                JsonNode params;
                try (InputStream in = ex.getRequestBody()) {
                    byte[] bytes = in.readAllBytes();
                    params = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
                } catch (IOException e) {
                    send(ex, 400, error("body: not a JSON object: " + e.getMessage()));
                    return;
                }
                if (params == null || !params.isObject()) {
                    send(ex, 400, error("body: a JSON object of parameters is expected"));
                    return;
                }
                try {
                    send(ex, 200, action.apply(new Params(params)).json());
                } catch (BadParameter e) {
                    ObjectNode o = error(e.getMessage());
                    o.put("parameter", e.parameter());
                    send(ex, 400, o);
                }
            } else {
                send(ex, 404, error("no driver endpoint " + path));
            }
        } catch (RuntimeException e) {
            try {
                send(ex, 500, error(e.toString()));
            } catch (IOException | RuntimeException ignored) {
                // the answer may already have been started
            }
        }
    }

    private static ObjectNode error(String text) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", text);
        return o;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
