package se.conformance.simulator.control;

import static se.conformance.simulator.control.ControlExchange.JSON;
import static se.conformance.simulator.control.ControlExchange.error;
import static se.conformance.simulator.control.ControlExchange.json;
import static se.conformance.simulator.control.ControlExchange.parseLong;
import static se.conformance.simulator.control.ControlExchange.require;
import static se.conformance.simulator.control.ControlExchange.requireMethod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.control.ControlExchange.BadRequest;
import se.conformance.simulator.efrikort.EfrikortSeed;
import se.conformance.simulator.evidence.EvidenceSigner;
import se.conformance.simulator.intyg.IntygSeed;
import se.conformance.simulator.fault.FaultRule;
import se.conformance.simulator.fault.FaultRules;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.JournalEntry;
import se.conformance.simulator.journal.JournalQuery;
import se.conformance.simulator.store.Database;

/**
 * The control API: JSON over HTTP under {@code /control} on the simulator's own port. It seeds
 * data, sets the clock, adds fault rules and reads the journal (docs/control-api.md). A bad
 * request is answered 400 with {@code {"error": …}} naming the field; nothing here throws to
 * the engine.
 */
public final class ControlApi implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "control-api";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:;åäöÅÄÖ-]{1,64}");

    private final SimulatedClock clock;
    private final EfrikortSeed efrikortSeed;
    private final IntygSeed intygSeed;
    private final IntygControl intyg;
    private final FaultRules faultRules;
    private final Journal journal;
    private final Database database;
    private final Map<String, Integer> operationsByService;
    private final ControlTokens tokens;
    private final EvidenceControl evidence;

    /**
     * @param evidenceSigner signs evidence manifests with the operator's key
     * @param tokens the shared mode's operator and tenant tokens; null: no tokens, every caller is the
     *     operator (the quickstart)
     */
    public ControlApi(SimulatedClock clock, EfrikortSeed efrikortSeed, IntygSeed intygSeed, FaultRules faultRules,
            Journal journal, Database database, Map<String, Integer> operationsByService, IntygControl intyg,
            EvidenceSigner evidenceSigner, ControlTokens tokens) {
        this.tokens = tokens;
        this.clock = clock;
        this.efrikortSeed = efrikortSeed;
        this.intygSeed = intygSeed;
        this.intyg = intyg;
        this.faultRules = faultRules;
        this.journal = journal;
        this.database = database;
        this.operationsByService = Map.copyOf(operationsByService);
        this.evidence = new EvidenceControl(evidenceSigner);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ControlExchange exchange = new ControlExchange(event.getRequest());
        try {
            TenantScope scope = scope(exchange);
            if (scope == null) {
                return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(401)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"simulator-control\"")
                        .withBody("{\"error\": \"Authorization: Bearer <token> is required: the control API of this"
                                + " simulator is shared, and the header is missing or names no token it knows\"}")
                        .build();
            }
            return route(exchange.method(), exchange.path(), exchange, scope);
        } catch (BadRequest e) {
            return error(e.status, e.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return error(400, e.getMessage());
        } catch (JsonProcessingException e) {
            return error(400, "body: not the JSON expected here: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return error(500, "control request failed: " + e);
        }
    }

    /** The caller's scope; null when tokens are configured and the request carries none of them (401). */
    private TenantScope scope(ControlExchange request) {
        if (tokens == null) return TenantScope.OPERATOR;
        return tokens.authenticate(request.request().getHeader("Authorization"))
                .map(caller -> TenantScope.of(caller, efrikortSeed, intygSeed)).orElse(null);
    }

    private ResponseDefinition route(RequestMethod method, List<String> p, ControlExchange request, TenantScope scope)
            throws JsonProcessingException {
        String head = p.get(0);
        switch (head) {
            case "health":
                return json(200, health());
            case "reset":
                requireMethod(method, RequestMethod.POST);
                scope.requireOperator("POST /control/reset", "it erases every vendor's data and fault rules");
                reset();
                return json(200, Map.of("reset", true, "clock", clockView()));
            case "clock":
                if (!RequestMethod.GET.equals(method)) {
                    scope.requireOperator("changing the clock", "one simulated clock serves every vendor");
                }
                return clock(method, p, request);
            case "faults":
                return faults(method, p, request, scope);
            case "journal":
                if (p.size() == 2 && "verify".equals(p.get(1))) {
                    requireMethod(method, RequestMethod.GET);
                    Map<String, Object> v = JSON.convertValue(journal.verify(), Map.class);
                    v.values().removeIf(java.util.Objects::isNull); // an intact chain has no break to name
                    return json(200, v);
                }
                if (p.size() > 1) throw new BadRequest(404, "no control endpoint /control/" + String.join("/", p));
                return journal(method, request, scope);
            case "seed":
                return seed(method, p, request, scope);
            case "intyg":
                return intyg.handle(request, scope);
            case "evidence":
                return evidence.handle(request);
            default:
                throw new BadRequest(404, "no control endpoint /control/" + String.join("/", p));
        }
    }

    /**
     * Back to the documented seed: seed data restored; every card, fee, consent, certificate,
     * message and notification gone; no fault rules; real time.
     */
    public void reset() {
        efrikortSeed.resetToDefault();
        intygSeed.resetToDefault();
        faultRules.clear();
        clock.release();
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", "UP");
        h.put("database", database.dialect().name());
        h.put("clock", clockView());
        h.put("operations", operationsByService);
        return h;
    }

    private ResponseDefinition clock(RequestMethod method, List<String> p, ControlExchange request) throws JsonProcessingException {
        if (p.size() == 2 && "advance".equals(p.get(1))) {
            requireMethod(method, RequestMethod.POST);
            JsonNode body = request.body();
            Duration d;
            if (body.hasNonNull("duration")) {
                d = Duration.parse(body.get("duration").asText());
            } else {
                d = Duration.ofDays(body.path("days").asLong(0)).plusHours(body.path("hours").asLong(0))
                        .plusMinutes(body.path("minutes").asLong(0));
            }
            if (d.isZero()) throw new BadRequest(400, "duration: give 'duration' (ISO-8601, e.g. PT48H) or days/hours/minutes");
            clock.advance(d);
            return json(200, clockView());
        }
        if (p.size() != 1) throw new BadRequest(404, "no control endpoint /control/" + String.join("/", p));
        if (RequestMethod.GET.equals(method)) return json(200, clockView());
        if (RequestMethod.PUT.equals(method)) {
            JsonNode body = request.body();
            if (body.hasNonNull("date")) clock.setDate(LocalDate.parse(body.get("date").asText()));
            else if (body.hasNonNull("dateTime")) {
                clock.set(LocalDateTime.parse(body.get("dateTime").asText()).atZone(SimulatedClock.SWEDEN).toInstant());
            } else if (body.hasNonNull("instant")) clock.set(Instant.parse(body.get("instant").asText()));
            else throw new BadRequest(400, "date: give 'date' (YYYY-MM-DD), 'dateTime' (Swedish local time) or 'instant'");
            return json(200, clockView());
        }
        if (RequestMethod.DELETE.equals(method)) {
            clock.release();
            return json(200, clockView());
        }
        throw new BadRequest(405, "clock: GET, PUT or DELETE");
    }

    private Map<String, Object> clockView() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("now", clock.now().toString());
        v.put("localDateTime", clock.localNow().toString());
        v.put("date", clock.today().toString());
        v.put("fixed", clock.isFixed());
        return v;
    }

    /** A tenant's rules take only its own systems' calls and are listed, read and removed only by it. */
    private ResponseDefinition faults(RequestMethod method, List<String> p, ControlExchange request, TenantScope scope)
            throws JsonProcessingException {
        String owner = scope.tenantId();
        if (p.size() == 1) {
            if (RequestMethod.GET.equals(method)) {
                return json(200, Map.of("faults", faultRules.list(owner).stream().map(this::faultView).toList()));
            }
            if (RequestMethod.POST.equals(method)) {
                FaultRule requested = JSON.readValue(request.nonEmptyBody(), FaultRule.class);
                return json(201, faultView(faultRules.add(requested, owner, scope.systems())));
            }
            if (RequestMethod.DELETE.equals(method)) {
                faultRules.clear(owner);
                return json(200, Map.of("faults", List.of()));
            }
            throw new BadRequest(405, "faults: GET, POST or DELETE");
        }
        String id = p.get(1);
        if (RequestMethod.GET.equals(method)) {
            return faultRules.get(id, owner).map(r -> json(200, faultView(r)))
                    .orElseThrow(() -> new BadRequest(404, "no fault rule " + id));
        }
        requireMethod(method, RequestMethod.DELETE);
        if (!faultRules.remove(id, owner)) throw new BadRequest(404, "no fault rule " + id);
        return json(200, Map.of("removed", id));
    }

    private Map<String, Object> faultView(FaultRule rule) {
        Map<String, Object> v = JSON.convertValue(rule, Map.class);
        v.values().removeIf(java.util.Objects::isNull);
        Integer remaining = faultRules.remaining(rule.id());
        if (remaining != null) v.put("remaining", remaining);
        return v;
    }

    private ResponseDefinition journal(RequestMethod method, ControlExchange request, TenantScope scope) {
        if (RequestMethod.DELETE.equals(method)) {
            scope.requireOperator("DELETE /control/journal", "the journal is every vendor's record");
            return json(200, Map.of("removed", journal.clear()));
        }
        requireMethod(method, RequestMethod.GET);
        String limit = request.query("limit");
        String afterSeq = request.query("afterSeq");
        String since = request.query("since");
        String until = request.query("until");
        JournalQuery q = new JournalQuery(request.query("traceId"), request.query("service"),
                request.query("operation"), request.query("resultCode"), request.query("personId"),
                request.query("carePrincipalId"), request.query("caller"),
                since == null ? null : Instant.parse(since), until == null ? null : Instant.parse(until),
                afterSeq == null ? null : parseLong("afterSeq", afterSeq),
                limit == null ? 100 : (int) parseLong("limit", limit));
        boolean bodies = !"false".equals(request.query("bodies"));
        List<JournalEntry> entries = journal.find(q, scope.journal());
        List<Object> out = entries.stream().map(e -> bodies ? (Object) e : withoutBodies(e)).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("count", out.size());
        v.put("lastSeq", journal.lastSeq(scope.journal()));
        v.put("entries", out);
        return json(200, v);
    }

    private static JournalEntry withoutBodies(JournalEntry e) {
        return new JournalEntry(e.seq(), e.traceId(), e.direction(), e.service(), e.operation(), e.simulatedTime(),
                e.wallTime(), e.caller(), e.clientAddress(), e.logicalAddress(), e.carePrincipalId(), e.personId(),
                e.validation(), e.validationText(), e.resultCode(), e.faultText(), e.faultRuleId(), e.httpStatus(),
                e.durationMillis(), null, null, e.callerKind());
    }

    private ResponseDefinition seed(RequestMethod method, List<String> p, ControlExchange request, TenantScope scope)
            throws JsonProcessingException {
        if (p.size() < 2 || !"efrikort".equals(p.get(1))) {
            throw new BadRequest(404, "seed: only /control/seed/efrikort/… exists");
        }
        if (p.size() == 2) {
            requireMethod(method, RequestMethod.GET);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("regions", regions(scope));
            v.put("cardTypes", efrikortSeed.cardTypes());
            v.put("careProviders", careProviders(scope));
            v.put("employees", employees(scope));
            v.put("callingSystems", callingSystems(scope));
            v.put("reservnummerPattern", efrikortSeed.reservnummerPattern());
            return json(200, v);
        }
        String kind = p.get(2);
        if (p.size() == 3 && RequestMethod.GET.equals(method)) {
            return switch (kind) {
                case "regions" -> json(200, regions(scope));
                case "card-types" -> json(200, efrikortSeed.cardTypes());
                case "care-providers" -> json(200, careProviders(scope));
                case "employees" -> json(200, employees(scope));
                case "calling-systems" -> json(200, callingSystems(scope));
                case "reservnummer-pattern" -> json(200, Map.of("pattern", efrikortSeed.reservnummerPattern()));
                default -> throw new BadRequest(404, "seed: unknown kind '" + kind + "'");
            };
        }
        if (!RequestMethod.PUT.equals(method) && !RequestMethod.DELETE.equals(method)) {
            throw new BadRequest(405, "use PUT");
        }
        scope.requireOperator("changing e-frikort seed data", "it is shared by every vendor; calling systems decide"
                + " who may call");
        if ("calling-systems".equals(kind)) return callingSystem(method, p, request);
        requireMethod(method, RequestMethod.PUT);
        if ("reservnummer-pattern".equals(kind)) {
            String pattern = request.body().path("pattern").asText(null);
            if (pattern == null) throw new BadRequest(400, "pattern: required");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new BadRequest(400, "pattern: not a regular expression: " + e.getDescription());
            }
            efrikortSeed.setReservnummerPattern(pattern);
            return json(200, Map.of("pattern", pattern));
        }
        if (p.size() != 4) throw new BadRequest(404, "seed: PUT /control/seed/efrikort/" + kind + "/{id}");
        String id = p.get(3);
        if (!ID.matcher(id).matches()) throw new BadRequest(400, "id: '" + id + "' is not a valid id");
        ObjectNode body = (ObjectNode) request.objectBody();
        switch (kind) {
            case "regions": {
                body.put("id", id);
                EfrikortSeed.Region r = JSON.treeToValue(body, EfrikortSeed.Region.class);
                require(r.name(), "name");
                require(r.consentModel(), "consentModel");
                require(r.finalDelay(), "finalDelay");
                require(r.optOutHandling(), "optOutHandling");
                if (r.ceilings() == null || r.ceilings().isEmpty()) throw new BadRequest(400, "ceilings: at least one");
                for (EfrikortSeed.Ceiling c : r.ceilings()) {
                    require(c.validFrom(), "ceilings[].validFrom");
                    if (c.amount() == null || c.amount().signum() <= 0) {
                        throw new BadRequest(400, "ceilings[].amount: must be positive");
                    }
                }
                if (r.finalDelay().isNegative()) throw new BadRequest(400, "finalDelay: must not be negative");
                efrikortSeed.putRegion(r);
                return json(200, r);
            }
            case "card-types": {
                body.put("id", id);
                EfrikortSeed.CardTypeDefinition t = JSON.treeToValue(body, EfrikortSeed.CardTypeDefinition.class);
                require(t.name(), "name");
                efrikortSeed.putCardType(t);
                return json(200, t);
            }
            case "care-providers": {
                body.put("hsaId", id);
                EfrikortSeed.CareProvider cp = JSON.treeToValue(body, EfrikortSeed.CareProvider.class);
                require(cp.name(), "name");
                EfrikortSeed.CareProvider normalized = new EfrikortSeed.CareProvider(cp.hsaId(), cp.name(),
                        cp.units() == null ? List.of() : cp.units());
                efrikortSeed.putCareProvider(normalized);
                return json(200, normalized);
            }
            case "employees": {
                body.put("hsaId", id);
                EfrikortSeed.Employee e = JSON.treeToValue(body, EfrikortSeed.Employee.class);
                EfrikortSeed.Employee normalized = new EfrikortSeed.Employee(e.hsaId(),
                        e.name() == null ? e.hsaId() : e.name(), e.assignments() == null ? List.of() : e.assignments());
                for (EfrikortSeed.Assignment a : normalized.assignments()) {
                    require(a.carePrincipalId(), "assignments[].carePrincipalId");
                    require(a.careProviderId(), "assignments[].careProviderId");
                    require(a.role(), "assignments[].role");
                }
                efrikortSeed.putEmployee(normalized);
                return json(200, normalized);
            }
            default:
                throw new BadRequest(404, "seed: unknown kind '" + kind + "'");
        }
    }

    /** {@code PUT|DELETE /control/seed/efrikort/calling-systems/{hsaId}}. */
    private ResponseDefinition callingSystem(RequestMethod method, List<String> p, ControlExchange request)
            throws JsonProcessingException {
        if (p.size() != 4) throw new BadRequest(404, "seed: PUT /control/seed/efrikort/calling-systems/{hsaId}");
        String id = p.get(3);
        if (!ID.matcher(id).matches()) throw new BadRequest(400, "hsaId: '" + id + "' is not a valid id");
        if (RequestMethod.DELETE.equals(method)) {
            if (!efrikortSeed.removeCallingSystem(id)) throw new BadRequest(404, "no calling system " + id);
            return json(200, Map.of("removed", id));
        }
        ObjectNode body = (ObjectNode) request.objectBody();
        body.put("hsaId", id);
        EfrikortSeed.CallingSystem s = JSON.treeToValue(body, EfrikortSeed.CallingSystem.class);
        if (s.carePrincipalIds().isEmpty()) throw new BadRequest(400, "carePrincipalIds: at least one");
        List<String> known = efrikortSeed.regions().stream().map(EfrikortSeed.Region::id).toList();
        for (String principal : s.carePrincipalIds()) {
            if (!known.contains(principal)) {
                throw new BadRequest(400, "carePrincipalIds: unknown care principal '" + principal + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        EfrikortSeed.CallingSystem normalized = new EfrikortSeed.CallingSystem(id, s.name() == null ? id : s.name(),
                s.careProviderId(), s.carePrincipalIds());
        efrikortSeed.putCallingSystem(normalized);
        return json(200, normalized);
    }

    // --- seed as a tenant sees it: only what its calling systems are registered for ---------------------

    private List<EfrikortSeed.Region> regions(TenantScope scope) {
        return efrikortSeed.regions().stream().filter(r -> scope.seesCarePrincipal(r.id())).toList();
    }

    private List<EfrikortSeed.CallingSystem> callingSystems(TenantScope scope) {
        return efrikortSeed.callingSystems().stream().filter(s -> scope.ownsSystem(s.hsaId())).toList();
    }

    private List<EfrikortSeed.Employee> employees(TenantScope scope) {
        if (scope.operator()) return efrikortSeed.employees();
        List<EfrikortSeed.Employee> out = new java.util.ArrayList<>();
        for (EfrikortSeed.Employee e : efrikortSeed.employees()) {
            List<EfrikortSeed.Assignment> seen = e.assignments().stream()
                    .filter(a -> scope.seesCarePrincipal(a.carePrincipalId())).toList();
            if (!seen.isEmpty()) out.add(new EfrikortSeed.Employee(e.hsaId(), e.name(), seen));
        }
        return out;
    }

    /** A tenant sees the care providers its employees work for and its systems act for. */
    private List<EfrikortSeed.CareProvider> careProviders(TenantScope scope) {
        if (scope.operator()) return efrikortSeed.careProviders();
        java.util.Set<String> seen = new java.util.HashSet<>();
        employees(scope).forEach(e -> e.assignments().forEach(a -> seen.add(a.careProviderId())));
        callingSystems(scope).forEach(s -> seen.add(s.careProviderId()));
        return efrikortSeed.careProviders().stream().filter(cp -> seen.contains(cp.hsaId())).toList();
    }
}
