package se.conformance.checklist;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The approval checklist: the process as versioned data ({@code checklist/checklist.yaml}) plus
 * the published-id registers {@code retired-ids.txt} and {@code known-ids.txt} next to it.
 *
 * <p>Loading validates everything a later step relies on, and fails with a
 * {@link ChecklistException} that names each offending item and field, so that a broken edit
 * of the data file stops the build instead of silently dropping a requirement.
 */
public final class Checklist {

    /** The pattern every item id matches (docs/harness.md, "Tags"). */
    public static final Pattern ID_PATTERN = Pattern.compile("[A-Z]{3}-[A-Z]{2,5}-[0-9]{3}");

    static final String RESOURCE_DIR = "checklist/";
    static final String CHECKLIST_FILE = "checklist.yaml";
    static final String RETIRED_FILE = "retired-ids.txt";
    static final String KNOWN_FILE = "known-ids.txt";

    // Unknown fields fail: a misspelt field name must not silently fall back to a default.
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final String version;
    private final LocalDate published;
    private final String digest;
    private final List<ProcessStep> processSteps;
    private final List<ApprovalLevel> levels;
    private final String ineraStepsSource;
    private final List<IneraStep> ineraSteps;
    private final List<IneraOutcome> outcomes;
    private final Map<String, ChecklistItem> items;
    private final List<ChecklistItem> itemOrder;
    private final List<String> retiredIds;
    private final List<String> knownIds;

    private Checklist(Raw raw, String digest, List<ChecklistItem> items, List<String> retiredIds,
            List<String> knownIds) {
        this.version = raw.version();
        this.published = raw.published();
        this.digest = digest;
        this.processSteps = List.copyOf(raw.processSteps());
        this.levels = List.copyOf(raw.levels());
        this.ineraStepsSource = raw.ineraSteps().source();
        this.ineraSteps = List.copyOf(raw.ineraSteps().steps());
        this.outcomes = List.copyOf(raw.outcomes());
        Map<String, ChecklistItem> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        this.items = Map.copyOf(byId);
        this.itemOrder = List.copyOf(items);
        this.retiredIds = List.copyOf(retiredIds);
        this.knownIds = List.copyOf(knownIds);
    }

    /** The checklist shipped with this module (classpath {@code checklist/checklist.yaml}). */
    public static Checklist load() {
        byte[] yaml = classpathResource(CHECKLIST_FILE)
                .orElseThrow(() -> new ChecklistException("classpath:" + RESOURCE_DIR + CHECKLIST_FILE,
                        List.of("the resource is missing")));
        return parse(yaml, "classpath:" + RESOURCE_DIR + CHECKLIST_FILE,
                idList(classpathResource(RETIRED_FILE).orElse(new byte[0])),
                idList(classpathResource(KNOWN_FILE).orElse(new byte[0])));
    }

    /**
     * A checklist file; {@code retired-ids.txt} and {@code known-ids.txt} are read from the same
     * directory when they exist (absent means empty).
     */
    public static Checklist load(Path checklistYaml) {
        try {
            Path dir = checklistYaml.toAbsolutePath().getParent();
            return parse(Files.readAllBytes(checklistYaml), checklistYaml.toString(),
                    idList(readIfExists(dir.resolve(RETIRED_FILE))),
                    idList(readIfExists(dir.resolve(KNOWN_FILE))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checklistYaml, e);
        }
    }

    /** A checklist from YAML bytes alone: no retired ids, no known ids. */
    public static Checklist parse(byte[] yaml) {
        return parse(yaml, "checklist.yaml", List.of(), List.of());
    }

    /**
     * A checklist from YAML bytes and the two id registers.
     *
     * @param yaml       the checklist.yaml bytes (the digest is taken over exactly these)
     * @param sourceName how to name the source in error messages
     * @param retiredIds ids withdrawn from use
     * @param knownIds   every id ever published
     */
    public static Checklist parse(byte[] yaml, String sourceName, List<String> retiredIds, List<String> knownIds) {
        Raw raw;
        try {
            raw = YAML.readValue(yaml, Raw.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ChecklistException(sourceName + ": not a readable checklist: " + e.getOriginalMessage()
                    + locationOf(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
        if (raw == null) {
            throw new ChecklistException(sourceName, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        List<ChecklistItem> items = validate(raw, retiredIds, problems);
        if (!problems.isEmpty()) {
            throw new ChecklistException(sourceName, problems);
        }
        return new Checklist(raw, sha256(yaml), items, retiredIds, knownIds);
    }

    /** The data file's {@code version}, e.g. {@code 1.0.0}. */
    public String version() {
        return version;
    }

    /** The data file's {@code published} date. */
    public LocalDate published() {
        return published;
    }

    /** {@code sha256:<hex>} of the checklist.yaml bytes: pins exactly which checklist a run used. */
    public String digest() {
        return digest;
    }

    /** Every item, in file order. */
    public List<ChecklistItem> items() {
        return itemOrder;
    }

    /** The item with this id, if it is active. */
    public Optional<ChecklistItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** Nivå 1..5, in order. */
    public List<ApprovalLevel> levels() {
        return levels;
    }

    /** The level record for {@code level} (1..5). */
    public ApprovalLevel level(int level) {
        return levels.stream().filter(l -> l.level() == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no approval level " + level));
    }

    /** eHälsomyndigheten's five steps, in order. */
    public List<ProcessStep> processSteps() {
        return processSteps;
    }

    /** Inera's eight connection steps as we read them, in order. */
    public List<IneraStep> ineraSteps() {
        return ineraSteps;
    }

    /** Where the eight Inera steps come from (says they are our reading). */
    public String ineraStepsSource() {
        return ineraStepsSource;
    }

    /** Inera's outcomes godkänd, godkänd med förbehåll, underkänd. */
    public List<IneraOutcome> outcomes() {
        return outcomes;
    }

    /** Ids withdrawn from use (retired-ids.txt). */
    public List<String> retiredIds() {
        return retiredIds;
    }

    /** Every id ever published (known-ids.txt); empty when the register was not loaded. */
    public List<String> knownIds() {
        return knownIds;
    }

    // ---------------------------------------------------------------------------------------------

    private static List<ChecklistItem> validate(Raw raw, List<String> retiredIds, List<String> problems) {
        if (raw.version() == null || !raw.version().matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            problems.add("field version: '" + raw.version() + "' is not a version like 1.0.0");
        }
        if (raw.published() == null) {
            problems.add("field published: missing");
        }
        Set<String> stepIds = raw.processSteps().stream().map(ProcessStep::id).collect(Collectors.toSet());
        if (raw.processSteps().size() != 5 || stepIds.size() != 5) {
            problems.add("field processSteps: expected eHälsomyndigheten's 5 distinct steps, found "
                    + raw.processSteps().size());
        }
        Set<Integer> levelNumbers = raw.levels().stream().map(ApprovalLevel::level).collect(Collectors.toSet());
        if (!levelNumbers.equals(Set.of(1, 2, 3, 4, 5)) || raw.levels().size() != 5) {
            problems.add("field levels: expected exactly Nivå 1..5, found " + levelNumbers);
        }
        if (raw.ineraSteps() == null || raw.ineraSteps().steps().isEmpty()) {
            problems.add("field ineraSteps: missing");
            return List.of();
        }
        Set<String> ineraIds = raw.ineraSteps().steps().stream().map(IneraStep::id).collect(Collectors.toSet());
        Set<String> outcomeIds = raw.outcomes().stream().map(IneraOutcome::id).collect(Collectors.toSet());
        if (!outcomeIds.equals(Set.of("godkand", "godkand-med-forbehall", "underkand"))) {
            problems.add("field outcomes: expected godkand, godkand-med-forbehall, underkand, found " + outcomeIds);
        }

        Set<String> retired = new LinkedHashSet<>(retiredIds);
        Set<String> seen = new LinkedHashSet<>();
        List<ChecklistItem> items = new ArrayList<>();
        for (int index = 0; index < raw.items().size(); index++) {
            RawItem r = raw.items().get(index);
            String where = "item " + (r.id() == null ? "#" + (index + 1) : r.id());
            int before = problems.size();
            if (r.id() == null || !ID_PATTERN.matcher(r.id()).matches()) {
                problems.add(where + ": field id: '" + r.id() + "' does not match " + ID_PATTERN.pattern());
            } else if (!seen.add(r.id())) {
                problems.add(where + ": field id: duplicate id");
            }
            if (r.id() != null && retired.contains(r.id())) {
                problems.add(where + ": field id: listed both as active and in " + RETIRED_FILE);
            }
            if (r.title() == null || isBlank(r.title().sv()) || isBlank(r.title().en())) {
                problems.add(where + ": field title: needs both sv and en");
            }
            if (isBlank(r.description())) {
                problems.add(where + ": field description: missing");
            }
            if (isBlank(r.source())) {
                problems.add(where + ": field source: missing (say where the requirement comes from)");
            }
            Optional<Service> service = Service.fromName(r.service());
            if (service.isEmpty()) {
                problems.add(where + ": field service: '" + r.service() + "' is not efrikort, intyg or general");
            }
            Optional<Role> role = Role.fromName(r.role());
            if (role.isEmpty()) {
                problems.add(where + ": field role: '" + r.role() + "' is not client, server or none");
            }
            Optional<Evidence> evidence = Evidence.fromName(r.evidence());
            if (evidence.isEmpty()) {
                problems.add(where + ": field evidence: '" + r.evidence() + "' is not scenario, attestation or document");
            }
            if (r.requiredFrom() == null || r.requiredFrom() < 1 || r.requiredFrom() > 5) {
                problems.add(where + ": field requiredFrom: " + r.requiredFrom() + " is outside 1..5");
            }
            if (!stepIds.contains(r.processStep())) {
                problems.add(where + ": field processStep: unknown step '" + r.processStep() + "' (known: "
                        + String.join(", ", stepIds.stream().sorted().toList()) + ")");
            }
            if (r.ineraStep() != null && !ineraIds.contains(r.ineraStep())) {
                problems.add(where + ": field ineraStep: unknown step '" + r.ineraStep() + "'");
            }
            List<String> contracts = r.contracts() == null ? List.of() : r.contracts();
            // A service scenario without a contract could never be selected by a capability statement.
            if (evidence.orElse(null) == Evidence.SCENARIO && service.isPresent()
                    && service.get() != Service.GENERAL && contracts.isEmpty()) {
                problems.add(where + ": field contracts: a scenario item of service " + r.service()
                        + " needs at least one contract");
            }
            if (evidence.orElse(null) == Evidence.SCENARIO && role.orElse(null) == Role.NONE
                    && service.orElse(null) != Service.GENERAL) {
                problems.add(where + ": field role: a scenario item of a service needs role client or server");
            }
            if (problems.size() == before) {
                items.add(new ChecklistItem(r.id(), r.title(), r.description().strip(), service.get(), role.get(),
                        contracts, r.processStep(), r.ineraStep(), r.requiredFrom(), evidence.get(),
                        r.source().strip()));
            }
        }
        if (raw.items().isEmpty()) {
            problems.add("field items: the checklist has no items");
        }
        return items;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String locationOf(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    /** Ids from a register file: one per line, {@code #} starts a comment, blank lines ignored. */
    static List<String> idList(byte[] text) {
        List<String> ids = new ArrayList<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\\R")) {
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Optional<byte[]> classpathResource(String name) {
        try (InputStream in = Checklist.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath " + RESOURCE_DIR + name, e);
        }
    }

    private static byte[] readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    // The file as written; enums and numbers stay loose here so validation can name the item.
    record Raw(String version, LocalDate published, List<ProcessStep> processSteps, List<ApprovalLevel> levels,
            RawIneraSteps ineraSteps, List<IneraOutcome> outcomes, List<RawItem> items) {
        Raw {
            processSteps = processSteps == null ? List.of() : processSteps;
            levels = levels == null ? List.of() : levels;
            outcomes = outcomes == null ? List.of() : outcomes;
            items = items == null ? List.of() : items;
        }
    }

    record RawIneraSteps(String source, List<IneraStep> steps) {
        RawIneraSteps {
            steps = steps == null ? List.of() : steps;
        }
    }

    record RawItem(String id, LocalizedText title, String description, String service, String role,
            List<String> contracts, String processStep, String ineraStep, Integer requiredFrom, String evidence,
            String source) {}
}
