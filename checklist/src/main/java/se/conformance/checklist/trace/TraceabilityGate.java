package se.conformance.checklist.trace;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.checklist.Evidence;

/**
 * Enforces that the checklist and the executable scenarios stay in step (anchors.md §3 item 8):
 * every scenario names exactly one checklist item and its level, every scenario item has a
 * scenario, attestation and document items have none except one tagged {@code @attestering}
 * that records the statement, and no published id silently disappears.
 *
 * <p>Tags count where Gherkin puts them on a scenario: the feature's and the enclosing rule's
 * tags are inherited. Tags on {@code Examples} are not considered: they select rows, they do not
 * name requirements.
 */
public final class TraceabilityGate {

    private static final Pattern ITEM_TAG = Pattern.compile("@(" + Checklist.ID_PATTERN.pattern() + ")");
    private static final Pattern LEVEL_TAG = Pattern.compile("@niva-([0-9]+)");
    /** The direction tag of scenarios that record an attestation or document (docs/harness.md, "Tags"). */
    static final String ATTESTATION_TAG = "@attestering";

    private TraceabilityGate() {}

    /**
     * All violations for the checklist and every {@code .feature} file under {@code featureDir}.
     *
     * @return the violations, empty when the gate passes
     */
    public static List<Violation> check(Checklist checklist, Path featureDir) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(checkIds(checklist.items().stream().map(ChecklistItem::id).toList(),
                checklist.retiredIds(), checklist.knownIds()));

        Map<String, Integer> scenarioCount = new HashMap<>();
        Set<String> retired = new HashSet<>(checklist.retiredIds());
        for (Path file : featureFiles(featureDir)) {
            String name = featureDir.relativize(file).toString();
            for (TaggedScenario scenario : scenarios(file, name, violations)) {
                checkScenario(checklist, retired, scenario, violations, scenarioCount);
            }
        }
        for (ChecklistItem item : checklist.items()) {
            if (item.evidence() == Evidence.SCENARIO && !scenarioCount.containsKey(item.id())) {
                violations.add(new Violation(Violation.Kind.NO_SCENARIO, "checklist.yaml",
                        item.id() + " needs evidence by scenario but no scenario is tagged @" + item.id()));
            }
        }
        return violations;
    }

    /**
     * The id-register checks alone: duplicates among the active ids, and published ids that are
     * neither active nor retired.
     *
     * @param activeIds  the checklist's item ids, in file order
     * @param retiredIds retired-ids.txt
     * @param knownIds   known-ids.txt
     */
    public static List<Violation> checkIds(List<String> activeIds, List<String> retiredIds, List<String> knownIds) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : activeIds) {
            if (!seen.add(id)) {
                violations.add(new Violation(Violation.Kind.DUPLICATE_ID, "checklist.yaml",
                        id + " is listed more than once in the checklist"));
            }
        }
        Set<String> accounted = new HashSet<>(activeIds);
        accounted.addAll(retiredIds);
        for (String id : new LinkedHashSet<>(knownIds)) {
            if (!accounted.contains(id)) {
                violations.add(new Violation(Violation.Kind.DISAPPEARED_ID, "known-ids.txt",
                        id + " disappeared: retire it in retired-ids.txt"));
            }
        }
        return violations;
    }

    private static void checkScenario(Checklist checklist, Set<String> retired, TaggedScenario scenario,
            List<Violation> violations, Map<String, Integer> scenarioCount) {
        List<String> ids = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        for (String tag : scenario.tags()) {
            Matcher item = ITEM_TAG.matcher(tag);
            if (item.matches()) {
                ids.add(item.group(1));
            }
            Matcher level = LEVEL_TAG.matcher(tag);
            if (level.matches()) {
                levels.add(Integer.parseInt(level.group(1)));
            }
        }
        String where = scenario.location();
        String what = "scenario '" + scenario.name() + "'";
        if (ids.size() != 1) {
            violations.add(new Violation(Violation.Kind.ITEM_TAG_COUNT, where, what + " has " + ids.size()
                    + " item-id tags " + ids + "; it needs exactly one"));
        }
        if (levels.size() != 1) {
            violations.add(new Violation(Violation.Kind.LEVEL_TAG_COUNT, where, what + " has " + levels.size()
                    + " @niva-N tags; it needs exactly one"));
        }
        for (String id : ids) {
            var item = checklist.item(id);
            if (retired.contains(id)) {
                violations.add(new Violation(Violation.Kind.RETIRED_ID, where,
                        what + " is tagged with retired id " + id));
                continue;
            }
            if (item.isEmpty()) {
                violations.add(new Violation(Violation.Kind.UNKNOWN_ID, where,
                        what + " is tagged with " + id + ", which is not in the checklist"));
                continue;
            }
            scenarioCount.merge(id, 1, Integer::sum);
            // An attestation or document item may have only a scenario that records the supplier's
            // statement (tagged @attestering), never one that tests exchanges in its place.
            if (item.get().evidence() != Evidence.SCENARIO && !scenario.tags().contains(ATTESTATION_TAG)) {
                violations.add(new Violation(Violation.Kind.SCENARIO_FOR_NON_SCENARIO_ITEM, where,
                        what + " is tagged with " + id + ", whose evidence is " + item.get().evidence().jsonName()
                                + ": only a scenario tagged " + ATTESTATION_TAG + " may record it"));
            }
            // With several ids the level cannot be matched to one item: the tag count already says so.
            if (ids.size() == 1 && levels.size() == 1 && levels.get(0) != item.get().requiredFrom()) {
                violations.add(new Violation(Violation.Kind.LEVEL_MISMATCH, where, what + " is tagged @niva-"
                        + levels.get(0) + " but " + id + " is required from Nivå " + item.get().requiredFrom()));
            }
        }
    }

    private record TaggedScenario(String location, String name, List<String> tags) {}

    private static List<TaggedScenario> scenarios(Path file, String name, List<Violation> violations) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false).includePickles(false).includeGherkinDocument(true).build();
        List<TaggedScenario> scenarios = new ArrayList<>();
        try (Stream<Envelope> envelopes = parser.parse(file)) {
            envelopes.forEach(envelope -> {
                envelope.getParseError().ifPresent(error -> violations.add(new Violation(
                        Violation.Kind.PARSE_ERROR, name, error.getMessage())));
                envelope.getGherkinDocument().flatMap(d -> d.getFeature())
                        .ifPresent(feature -> collect(feature, name, scenarios));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return scenarios;
    }

    private static void collect(Feature feature, String name, List<TaggedScenario> scenarios) {
        List<String> featureTags = names(feature.getTags());
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(s -> scenarios.add(tagged(s, name, featureTags, List.of())));
            child.getRule().ifPresent(rule -> {
                for (RuleChild ruleChild : rule.getChildren()) {
                    ruleChild.getScenario().ifPresent(s -> scenarios.add(
                            tagged(s, name, featureTags, names(rule.getTags()))));
                }
            });
        }
    }

    private static TaggedScenario tagged(Scenario scenario, String file, List<String> featureTags,
            List<String> ruleTags) {
        // A tag repeated on the feature and the scenario is one tag, as in Cucumber's pickles.
        Set<String> tags = new LinkedHashSet<>(featureTags);
        tags.addAll(ruleTags);
        tags.addAll(names(scenario.getTags()));
        return new TaggedScenario(file + ":" + scenario.getLocation().getLine(), scenario.getName(),
                List.copyOf(tags));
    }

    private static List<String> names(List<Tag> tags) {
        return tags.stream().map(Tag::getName).toList();
    }

    private static List<Path> featureFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list feature files under " + dir, e);
        }
    }
}
