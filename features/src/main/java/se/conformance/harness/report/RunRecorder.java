package se.conformance.harness.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evidence the step hooks collect while a scenario runs (the trace ids of the exchanges it
 * produced), handed to the result listener when the scenario finishes. Keyed by the scenario's
 * location, which both the hooks and the Cucumber events know.
 */
public final class RunRecorder {

    private static final Map<String, List<String>> TRACE_IDS = new ConcurrentHashMap<>();

    private RunRecorder() {}

    public static String key(String uri, int line) {
        return uri + ":" + line;
    }

    public static void traceIds(String key, List<String> ids) {
        TRACE_IDS.computeIfAbsent(key, k -> new ArrayList<>()).addAll(ids);
    }

    public static List<String> takeTraceIds(String key) {
        List<String> ids = TRACE_IDS.remove(key);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    public static void clear() {
        TRACE_IDS.clear();
    }
}
