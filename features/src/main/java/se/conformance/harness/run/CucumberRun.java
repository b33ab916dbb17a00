package se.conformance.harness.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.EngineFilter;
import se.conformance.harness.Harness;
import se.conformance.harness.HarnessConfig;
import se.conformance.harness.report.ItemResultsListener;
import se.conformance.harness.report.ScenarioResult;

/**
 * Runs the checklist's features with Cucumber on the JUnit Platform (the cucumber engine,
 * launched in this JVM), with the item-results listener and Allure's Cucumber plugin.
 */
public final class CucumberRun {

    private CucumberRun() {}

    /**
     * @param tagExpression Cucumber tag expression selecting the applicable scenarios ({@code null}: all)
     * @param allureResults directory Allure's results are written to
     * @param progress      where one line per finished scenario goes ({@code null}: nowhere)
     */
    public static List<ScenarioResult> run(HarnessConfig config, String tagExpression, Path allureResults,
            PrintStream progress) {
        return run(config, tagExpression, allureResults, progress, progress);
    }

    /**
     * @param instructions where interactive mode tells a person what to do (may differ from
     *                     {@code progress}: progress is masked, instructions name the patient in full)
     */
    public static synchronized List<ScenarioResult> run(HarnessConfig config, String tagExpression,
            Path allureResults, PrintStream progress, PrintStream instructions) {
        Harness.configure(config);
        Harness.instructionsTo(instructions);
        ItemResultsListener.clear();
        ItemResultsListener.progressTo(progress);
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("features"))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "se.conformance.harness.steps")
                .configurationParameter("cucumber.plugin", ItemResultsListener.class.getName()
                        + ", io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm")
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .configurationParameter("cucumber.junit-platform.naming-strategy", "long");
        if (tagExpression != null && !tagExpression.isBlank()) {
            request.configurationParameter("cucumber.filter.tags", tagExpression);
        }
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built);
        return ItemResultsListener.results();
    }
}
