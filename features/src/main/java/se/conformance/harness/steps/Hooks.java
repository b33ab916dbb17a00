package se.conformance.harness.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;
import se.conformance.harness.simulator.SimulatorControl;
import java.util.ArrayList;
import java.util.List;
import se.conformance.harness.check.Xml;
import se.conformance.harness.report.ItemTags;
import se.conformance.harness.report.RunRecorder;
import se.conformance.harness.simulator.JournalEntry;

/**
 * Before a scenario: which checklist item it proves. After it: every exchange of the scenario
 * attached to the report with its trace id, and the trace ids handed to the result listener.
 * (Report labels come from the checklist after the run: {@code AllureLabels}.)
 */
public final class Hooks {

    private final ScenarioState state;

    public Hooks(ScenarioState state) {
        this.state = state;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        List<String> tags = new ArrayList<>(scenario.getSourceTagNames());
        String item = ItemTags.itemId(tags).orElse("(inget id)");
        state.begin(item, tags);
    }

    /**
     * Attaches every exchange of the scenario (Cucumber embeddings, which Allure's plugin turns
     * into attachments) and hands the vendor's trace ids to the result listener.
     */
    @After(order = 0)
    public void end(Scenario scenario) {
        List<String> traceIds = new ArrayList<>();
        for (JournalEntry e : state.simulator().journalAfter(state.journalMark())) {
            if (!e.inbound()) continue;
            boolean vendor = !state.simulator().isHarnessCall(e);
            String who = vendor ? "systemet → simulatorn" : "harnessens förberedelse";
            if (vendor) traceIds.add(e.traceId());
            attach(scenario, who + ": " + e.operation() + " " + e.resultCode() + " (trace " + e.traceId() + ")",
                    "<!-- trace id " + e.traceId() + ", validation " + e.validation()
                            + (e.validationText() == null ? "" : ": " + e.validationText()) + " -->\n"
                            + "<!-- request -->\n" + Xml.pretty(e.requestBody()) + "\n<!-- response -->\n"
                            + Xml.pretty(e.responseBody()));
        }
        for (ScenarioState.ServerExchange x : state.serverExchanges()) {
            attach(scenario, "harnessen → systemet: " + x.operation() + " HTTP " + x.httpStatus()
                    + " (" + x.elapsed().toMillis() + " ms)",
                    "<!-- request -->\n" + Xml.pretty(x.request()) + "\n<!-- response -->\n" + Xml.pretty(x.response()));
        }
        RunRecorder.traceIds(RunRecorder.key(scenario.getUri().toString(), scenario.getLine()), traceIds);
    }

    private static void attach(Scenario scenario, String name, String xml) {
        scenario.attach(xml.getBytes(StandardCharsets.UTF_8), "application/xml", name);
    }
}
