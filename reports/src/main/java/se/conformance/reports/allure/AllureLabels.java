package se.conformance.reports.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;

/**
 * Labels every Allure result of a checklist run with what the checklist says of its item:
 * item id and title, level, service, process step, contracts. Allure's Cucumber plugin records
 * a scenario's tags but offers no way to add labels from hooks (they run as fixtures), so the
 * results are labelled after the run, from the item id tag each carries.
 */
public final class AllureLabels {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AllureLabels() {}

    /** Adds the labels to every {@code *-result.json} in the directory; returns how many were labelled. */
    public static int label(Path resultsDir, Checklist checklist) throws IOException {
        int labelled = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(resultsDir, "*-result.json")) {
            for (Path file : files) {
                ObjectNode result = (ObjectNode) JSON.readTree(file.toFile());
                ArrayNode labels = result.withArray("labels");
                Optional<ChecklistItem> item = itemOf(labels).flatMap(checklist::item);
                if (item.isEmpty()) continue;
                ChecklistItem i = item.get();
                add(labels, "itemId", i.id());
                add(labels, "itemTitle", i.title().sv());
                add(labels, "level", "Nivå " + i.requiredFrom());
                add(labels, "service", i.service().name().toLowerCase(java.util.Locale.ROOT));
                add(labels, "processStep", i.processStep());
                for (String contract : i.contracts()) add(labels, "contract", contract);
                // Allure's behaviour tree: service → level → item.
                add(labels, "epic", i.service().name().toLowerCase(java.util.Locale.ROOT));
                add(labels, "parentSuite", "Nivå " + i.requiredFrom());
                result.put("description", i.id() + " — " + i.title().sv() + " / " + i.title().en()
                        + " (krävs från Nivå " + i.requiredFrom() + "; källa: " + i.source() + ")");
                JSON.writeValue(file.toFile(), result);
                labelled++;
            }
        }
        return labelled;
    }

    private static Optional<String> itemOf(ArrayNode labels) {
        for (JsonNode l : labels) {
            if ("tag".equals(l.path("name").asText()) && Checklist.ID_PATTERN.matcher(l.path("value").asText()).matches()) {
                return Optional.of(l.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static void add(ArrayNode labels, String name, String value) {
        if (value == null) return;
        labels.addObject().put("name", name).put("value", value);
    }
}
