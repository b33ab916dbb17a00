package se.conformance.simulator.fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.soap.PayloadFields;
import se.conformance.simulator.soap.SoapOperation;

/**
 * The active fault rules. Each rule is a WireMock stub mapping at a higher priority than the
 * reference implementation, so it wins whenever its {@link Matcher} accepts a request; the stub
 * hands the request to the SOAP dispatcher with the rule's id, and the dispatcher answers as the
 * rule says and records it in the journal like any other exchange.
 *
 * <p>A rule may belong to a tenant (a vendor, shared mode): it then takes only calls whose caller
 * ({@link CallerIdentity}) is one of the tenant's calling systems, and is listed only to that tenant.
 */
public final class FaultRules {

    /** Name of the stub-mapping parameter that carries a rule id to the dispatcher. */
    public static final String RULE_ID = "faultRuleId";
    static final String MATCHER = "fault-rule";
    private static final int FAULT_PRIORITY = 1;
    /** The error ids a result may carry (intyg's ErrorIdType; e-frikort has none and ignores them). */
    private static final List<String> ERROR_IDS =
            List.of("VALIDATION_ERROR", "APPLICATION_ERROR", "TECHNICAL_ERROR", "REVOKED");

    private final Map<String, Active> rules = new ConcurrentHashMap<>();
    private final Map<String, String> pathPatternByService;
    private final Map<String, SoapOperation> operations;
    private final boolean acceptDeclaredCaller;
    private WireMockServer server;

    /** @param owner the tenant that made the rule, null for the operator; {@code callers} its calling systems */
    private record Active(FaultRule rule, AtomicInteger remaining, UUID stubId, String owner, Set<String> callers) {}

    /**
     * @param operations every operation the simulator serves, by "service/Operation"
     * @param pathPatternByService a path regex per service, for rules without an operation
     */
    public FaultRules(Map<String, SoapOperation> operations, Map<String, String> pathPatternByService) {
        this(operations, pathPatternByService, true);
    }

    /** @param acceptDeclaredCaller as the dispatcher: whether the RIV-TA header may name a caller */
    public FaultRules(Map<String, SoapOperation> operations, Map<String, String> pathPatternByService,
            boolean acceptDeclaredCaller) {
        this.operations = Map.copyOf(operations);
        this.pathPatternByService = Map.copyOf(pathPatternByService);
        this.acceptDeclaredCaller = acceptDeclaredCaller;
    }

    /** Binds the registry to the engine; rules added before this are not possible. */
    public void attach(WireMockServer server) {
        this.server = server;
    }

    /** The matcher extension WireMock must be started with. */
    public RequestMatcherExtension matcher() {
        return new Matcher();
    }

    /**
     * Adds a rule. The rule's id is ignored; a new one is given.
     *
     * @throws IllegalArgumentException naming the field when the rule is unusable
     */
    public FaultRule add(FaultRule requested) {
        return add(requested, null, null);
    }

    /**
     * As {@link #add(FaultRule)}, for a tenant: the rule takes only calls by {@code callers}.
     *
     * @param owner   the tenant's id, null for the operator (the rule then takes every matching call)
     * @param callers the tenant's calling systems (ignored for the operator)
     */
    public FaultRule add(FaultRule requested, String owner, Set<String> callers) {
        String service = Objects.requireNonNullElse(requested.service(), "efrikort");
        String path;
        if (requested.operation() != null) {
            SoapOperation op = operations.get(service + "/" + requested.operation());
            if (op == null) {
                throw new IllegalArgumentException("operation: unknown operation '" + requested.operation()
                        + "' of service '" + service + "'");
            }
            path = op.path();
        } else {
            path = pathPatternByService.get(service);
            if (path == null) throw new IllegalArgumentException("service: unknown service '" + service + "'");
        }
        if (requested.count() != null && requested.count() < 1) {
            throw new IllegalArgumentException("count: must be at least 1 (omit it for a rule that stays)");
        }
        if (requested.delayMillis() != null && (requested.delayMillis() < 0 || requested.delayMillis() > 600_000)) {
            throw new IllegalArgumentException("delayMillis: must be between 0 and 600000");
        }
        if (requested.resultCode() != null && requested.resultText() == null && !"OK".equals(requested.resultCode())) {
            throw new IllegalArgumentException("resultText: required with resultCode " + requested.resultCode());
        }
        if (requested.errorId() != null && !"ERROR".equals(requested.resultCode())) {
            throw new IllegalArgumentException("errorId: only with resultCode ERROR");
        }
        if (requested.errorId() != null && !ERROR_IDS.contains(requested.errorId())) {
            throw new IllegalArgumentException("errorId: one of " + String.join(", ", ERROR_IDS));
        }
        if (!requested.drop() && requested.soapFaultString() == null && requested.resultCode() == null
                && requested.delayMillis() == null) {
            throw new IllegalArgumentException("a rule needs one of: drop, soapFaultString, resultCode, delayMillis");
        }
        String id = UUID.randomUUID().toString();
        FaultRule rule = new FaultRule(id, service, requested.operation(), requested.carePrincipalId(),
                requested.personId(), requested.resultCode(), requested.errorId(), requested.resultText(),
                requested.soapFaultString() == null ? null : Objects.requireNonNullElse(requested.soapFaultCode(), "Server"),
                requested.soapFaultString(), requested.delayMillis(), requested.drop(), requested.count());
        var mapping = (requested.operation() != null ? any(urlPathEqualTo(path)) : any(urlPathMatching(path)))
                .atPriority(FAULT_PRIORITY)
                .andMatching(MATCHER, Parameters.one(RULE_ID, id))
                .willReturn(aResponse().withTransformers("soap-dispatch").withTransformerParameter(RULE_ID, id));
        StubMapping stub = server.stubFor(mapping);
        rules.put(id, new Active(rule, new AtomicInteger(rule.count() == null ? Integer.MAX_VALUE : rule.count()),
                stub.getId(), owner, owner == null ? null : Set.copyOf(callers)));
        return rule;
    }

    public List<FaultRule> list() {
        List<FaultRule> all = new ArrayList<>();
        rules.values().forEach(a -> all.add(a.rule()));
        return all;
    }

    public Optional<FaultRule> get(String id) {
        Active a = rules.get(id);
        return a == null ? Optional.empty() : Optional.of(a.rule());
    }

    /** The rules {@code owner} made (null: every rule, for the operator). */
    public List<FaultRule> list(String owner) {
        if (owner == null) return list();
        List<FaultRule> own = new ArrayList<>();
        rules.values().stream().filter(a -> owner.equals(a.owner())).forEach(a -> own.add(a.rule()));
        return own;
    }

    /** The rule, if {@code owner} may see it (null: the operator, who sees all). */
    public Optional<FaultRule> get(String id, String owner) {
        Active a = rules.get(id);
        if (a == null || owner != null && !owner.equals(a.owner())) return Optional.empty();
        return Optional.of(a.rule());
    }

    /** Remaining uses of a rule, or {@code null} for a rule without a count. */
    public Integer remaining(String id) {
        Active a = rules.get(id);
        return a == null || a.rule().count() == null ? null : Math.max(0, a.remaining().get());
    }

    public boolean remove(String id) {
        Active a = rules.remove(id);
        if (a != null) server.removeStubMapping(server.getSingleStubMapping(a.stubId()));
        return a != null;
    }

    public void clear() {
        List.copyOf(rules.keySet()).forEach(this::remove);
    }

    /** Removes rule {@code id} if {@code owner} may see it (null: the operator). */
    public boolean remove(String id, String owner) {
        return get(id, owner).isPresent() && remove(id);
    }

    /** Removes the rules {@code owner} made (null: every rule). */
    public void clear(String owner) {
        if (owner == null) {
            clear();
            return;
        }
        rules.entrySet().stream().filter(e -> owner.equals(e.getValue().owner())).map(Map.Entry::getKey).toList()
                .forEach(this::remove);
    }

    /** Decides whether a rule takes a request, and spends one use of it when it does. */
    private final class Matcher extends RequestMatcherExtension {
        @Override
        public String getName() {
            return MATCHER;
        }

        @Override
        public MatchResult match(Request request, Parameters parameters) {
            Active a = rules.get(parameters.getString(RULE_ID));
            if (a == null) return MatchResult.noMatch();
            FaultRule rule = a.rule();
            if (a.callers() != null) {
                CallerIdentity caller = CallerIdentity.of(request::getHeader, acceptDeclaredCaller);
                if (caller.anonymous() || !a.callers().contains(caller.hsaId())) return MatchResult.noMatch();
            }
            if (rule.carePrincipalId() != null || rule.personId() != null) {
                Map<String, String> fields = PayloadFields.of(request.getBody());
                if (rule.carePrincipalId() != null && !rule.carePrincipalId().equals(fields.get(PayloadFields.CARE_PRINCIPAL_ID))) {
                    return MatchResult.noMatch();
                }
                if (rule.personId() != null && !rule.personId().equals(fields.get(PayloadFields.PERSON_ID))) {
                    return MatchResult.noMatch();
                }
            }
            // Stubs are tried in priority order and the first match is served, so a use is spent only here.
            // A spent rule stays listed (remaining 0) until removed, so the journal and the list agree.
            if (a.remaining().getAndUpdate(n -> n > 0 ? n - 1 : 0) <= 0) {
                return MatchResult.noMatch();
            }
            return MatchResult.exactMatch();
        }
    }

}
