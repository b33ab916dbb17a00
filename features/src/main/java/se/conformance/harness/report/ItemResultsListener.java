package se.conformance.harness.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Cucumber plugin that turns finished scenarios into item results: which checklist item
 * each proves (its id tag), how it ended, why, and the trace ids of its exchanges. It prints
 * one progress line per scenario. The level verdict is computed from these results and the
 * checklist, never from the Allure output (Allure is the presentation).
 */
public final class ItemResultsListener implements ConcurrentEventListener {

    private static final List<ScenarioResult> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static volatile PrintStream progress = System.out;

    /** Where the progress lines go ({@code null}: nowhere), for the next runs. */
    public static void progressTo(PrintStream out) {
        progress = out;
    }

    /** Forgets the results of an earlier run in this JVM. */
    public static void clear() {
        RESULTS.clear();
        RunRecorder.clear();
    }

    public static List<ScenarioResult> results() {
        synchronized (RESULTS) {
            return List.copyOf(RESULTS);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private void finished(TestCaseFinished event) {
        TestCase tc = event.getTestCase();
        Result r = event.getResult();
        String item = ItemTags.itemId(tc.getTags()).orElse(null);
        String message = r.getError() == null ? null : firstLine(r.getError());
        String location = tc.getUri() + ":" + tc.getLocation().getLine();
        ScenarioResult result = new ScenarioResult(item, tc.getName(), location, r.getStatus().name(), message,
                RunRecorder.takeTraceIds(RunRecorder.key(tc.getUri().toString(), tc.getLocation().getLine())),
                r.getDuration().toMillis());
        RESULTS.add(result);
        PrintStream out = progress;
        if (out != null) {
            String mark = switch (r.getStatus()) {
                case PASSED -> "✔";
                case FAILED, AMBIGUOUS -> "✘";
                default -> "–";
            };
            out.printf("  %s %-14s %s (%d ms)%n", mark, item == null ? "?" : item, tc.getName(), r.getDuration().toMillis());
            if (message != null && !result.passed()) out.println("      " + message);
        }
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
