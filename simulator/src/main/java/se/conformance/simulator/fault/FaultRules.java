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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import se.conformance.simulator.soap.PayloadFields;
import se.conformance.simulator.soap.SoapOperation;

/**
 * The active fault rules. Each rule is a WireMock stub mapping at a higher priority than the
 * reference implementation, so it wins whenever its {@link Matcher} accepts a request; the stub
 * hands the request to the SOAP dispatcher with the rule's id, and the dispatcher answers as the
 * rule says and records it in the journal like any other exchange.
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
    private WireMockServer server;

    private record Active(FaultRule rule, AtomicInteger remaining, UUID stubId) {}

    /**
     * @param operations every operation the simulator serves, by "service/Operation"
     * @param pathPatternByService a path regex per service, for rules without an operation
     */
    public FaultRules(Map<String, SoapOperation> operations, Map<String, String> pathPatternByService) {
        this.operations = Map.copyOf(operations);
        this.pathPatternByService = Map.copyOf(pathPatternByService);
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
                stub.getId()));
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
