package se.conformance.simulator.control;

import static se.conformance.simulator.control.ControlExchange.JSON;
import static se.conformance.simulator.control.ControlExchange.json;
import static se.conformance.simulator.control.ControlExchange.optionalText;
import static se.conformance.simulator.control.ControlExchange.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.conformance.simulator.control.ControlExchange.BadRequest;
import se.conformance.simulator.intyg.ErrorId;
import se.conformance.simulator.intyg.IntygCommands;
import se.conformance.simulator.intyg.IntygModel;
import se.conformance.simulator.intyg.IntygOperations;
import se.conformance.simulator.intyg.IntygSeed;
import se.conformance.simulator.intyg.Outcome;
import se.conformance.simulator.intyg.store.NotificationEndpoints;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.RecipientInbox;

/**
 * {@code /control/intyg/**}: what a doctor in Webcert, a recipient (Försäkringskassan,
 * Transportstyrelsen) or the operator does, on the same clock, journal and fault rules as the
 * SOAP services (docs/control-api.md). A domain refusal is answered 422 with the same result
 * code, errorId and text the contract would carry.
 */
public final class IntygControl {

    /** Signs a draft as the doctor {@code hsaId} would in Webcert, with the given answers or the type's defaults. */
    @FunctionalInterface
    public interface DraftSigner {
        Outcome<Void> sign(String certificateId, String hsaId, String answersXml);
    }

    static final String DEFAULT_DOCTOR = "TSTNMT2321000156-1079";

    private final IntygOperations operations;
    private final IntygSeed seed;
    private final NotificationEndpoints endpoints;
    private final NotificationOutbox outbox;
    private final RecipientInbox inbox;
    private final DraftSigner signer;
    private final Runnable deliverDue;

    public IntygControl(IntygOperations operations, IntygSeed seed, NotificationEndpoints endpoints, NotificationOutbox outbox,
            RecipientInbox inbox, DraftSigner signer, Runnable deliverDue) {
        this.operations = operations;
        this.seed = seed;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.inbox = inbox;
        this.signer = signer;
        this.deliverDue = deliverDue;
    }

    /**
     * One request, as {@code scope} may make it: the operator everything; a tenant only what concerns its
     * care providers (their certificates, drafts, messages, units and notifications), reads of the shared
     * reference data, and none of the shared settings (403).
     */
    ResponseDefinition handle(ControlExchange x, TenantScope scope) throws JsonProcessingException {
        String kind = x.segment(1);
        if (kind == null) throw x.notFound();
        IntygOperations ops = scope.operator() ? operations : operations.forAccess(scope.intygAccess());
        return switch (kind) {
            case "seed" -> seed(x, scope);
            case "pu" -> pu(x, scope);
            case "certificate-types" -> {
                scope.requireOperator("changing certificate types", "they are shared by every vendor");
                yield certificateTypes(x);
            }
            case "units" -> units(x, scope);
            case "recipients" -> recipients(x, scope, ops);
            case "certificates" -> certificates(x, ops);
            case "messages" -> messages(x, ops);
            case "care-providers" -> careProviders(x, ops);
            case "notifications" -> notifications(x, scope);
            case "calling-systems" -> callingSystems(x, scope);
            default -> throw x.notFound();
        };
    }

    private ResponseDefinition seed(ControlExchange x, TenantScope scope) {
        x.requireMethod(RequestMethod.GET);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("certificateTypes", seed.certificateTypes());
        v.put("recipients", seed.recipients());
        // the register lists every vendor's test patients: a tenant looks persons up through the contracts instead
        if (scope.operator()) v.put("persons", seed.persons());
        v.put("puSwitches", seed.puSwitches());
        v.put("careProviders", seed.careProviders().stream().filter(p -> scope.seesCareProvider(p.hsaId())).toList());
        v.put("users", users(scope));
        v.put("callingSystems", seed.callingSystems().stream().filter(s -> scope.ownsSystem(s.hsaId())).toList());
        return json(200, v);
    }

    /** A tenant sees the users with a medarbetaruppdrag on its units, and only those uppdrag. */
    private List<IntygSeed.HsaUser> users(TenantScope scope) {
        if (scope.operator()) return seed.users();
        List<IntygSeed.HsaUser> out = new ArrayList<>();
        for (IntygSeed.HsaUser u : seed.users()) {
            List<IntygSeed.Assignment> seen = u.assignments().stream().filter(a -> scope.seesUnit(a.unitId())).toList();
            if (!seen.isEmpty()) out.add(new IntygSeed.HsaUser(u.hsaId(), u.name(), seen));
        }
        return out;
    }

    /** {@code GET /control/intyg/calling-systems}, {@code PUT|DELETE /control/intyg/calling-systems/{hsaId}}. */
    private ResponseDefinition callingSystems(ControlExchange x, TenantScope scope) throws JsonProcessingException {
        if (x.depth() == 2) {
            x.requireMethod(RequestMethod.GET);
            return json(200, seed.callingSystems().stream().filter(s -> scope.ownsSystem(s.hsaId())).toList());
        }
        if (x.depth() != 3) throw x.notFound();
        scope.requireOperator("registering calling systems", "they decide who may call for a care provider");
        String hsaId = x.segment(2);
        if (!hsaId.matches("[A-Za-z0-9_.:-]{1,64}")) throw new BadRequest(400, "hsaId: '" + hsaId + "' is not a valid id");
        if (x.is(RequestMethod.DELETE)) {
            if (!seed.removeCallingSystem(hsaId)) throw new BadRequest(404, "no calling system " + hsaId);
            return json(200, Map.of("removed", hsaId));
        }
        x.requireMethod(RequestMethod.PUT);
        ObjectNode body = x.objectBody();
        body.put("hsaId", hsaId);
        IntygSeed.CallingSystem s = JSON.treeToValue(body, IntygSeed.CallingSystem.class);
        if (s.careProviderIds().isEmpty()) throw new BadRequest(400, "careProviderIds: at least one");
        List<String> known = seed.careProviders().stream().map(IntygSeed.CareProvider::hsaId).toList();
        for (String provider : s.careProviderIds()) {
            if (!known.contains(provider)) {
                throw new BadRequest(400, "careProviderIds: unknown care provider '" + provider + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        IntygSeed.CallingSystem normalized = new IntygSeed.CallingSystem(hsaId, s.name() == null ? hsaId : s.name(),
                s.careProviderIds());
        seed.putCallingSystem(normalized);
        return json(200, normalized);
    }

    /** {@code PUT /control/intyg/pu/switches}, {@code PUT|DELETE /control/intyg/pu/persons/{personId}}. */
    private ResponseDefinition pu(ControlExchange x, TenantScope scope) throws JsonProcessingException {
        if (!x.is(RequestMethod.GET)) {
            scope.requireOperator("changing the population register", "it is shared by every vendor");
        }
        if ("persons".equals(x.segment(2))) {
            scope.requireOperator("listing the population register", "it holds every vendor's test patients");
        }
        String what = x.segment(2);
        if ("switches".equals(what) && x.depth() == 3) {
            if (x.is(RequestMethod.GET)) return json(200, seed.puSwitches());
            x.requireMethod(RequestMethod.PUT);
            IntygSeed.PuSwitches s = x.bodyAs(IntygSeed.PuSwitches.class);
            seed.setPuSwitches(s);
            return json(200, s);
        }
        if ("persons".equals(what) && x.depth() == 4) {
            String personId = personId(x.segment(3));
            if (x.is(RequestMethod.DELETE)) {
                seed.removePerson(personId);
                return json(200, Map.of("removed", personId));
            }
            x.requireMethod(RequestMethod.PUT);
            ObjectNode body = x.objectBody();
            body.put("personId", personId);
            IntygSeed.Person p = JSON.treeToValue(body, IntygSeed.Person.class);
            seed.putPerson(p);
            return json(200, p);
        }
        if ("persons".equals(what) && x.depth() == 3) {
            x.requireMethod(RequestMethod.GET);
            return json(200, seed.persons());
        }
        throw x.notFound();
    }

    /**
     * {@code PUT /control/intyg/certificate-types/{code}}: adds or replaces a certificate type (e.g. deprecates
     * one), with the fields {@code GET /control/intyg/seed} lists.
     */
    private ResponseDefinition certificateTypes(ControlExchange x) throws JsonProcessingException {
        if (x.depth() != 3) throw x.notFound();
        x.requireMethod(RequestMethod.PUT);
        ObjectNode body = x.objectBody();
        body.put("code", x.segment(2));
        text(body, "defaultRecipient");
        if (!body.path("versions").isArray() || body.get("versions").isEmpty()) {
            throw new BadRequest(400, "versions: at least one, e.g. [\"1.3\"]");
        }
        IntygSeed.CertificateType type = JSON.treeToValue(body, IntygSeed.CertificateType.class);
        seed.putCertificateType(type);
        return json(200, type);
    }

    /** {@code PUT|GET|DELETE /control/intyg/units/{unitId}/notification-endpoint}. */
    private ResponseDefinition units(ControlExchange x, TenantScope scope) throws JsonProcessingException {
        if (x.depth() != 4 || !"notification-endpoint".equals(x.segment(3))) throw x.notFound();
        String unitId = x.segment(2);
        if (!scope.seesUnit(unitId)) {
            throw new BadRequest(403, "unit " + unitId + " is not a unit of a care provider the calling systems of tenant "
                    + scope.tenantId() + " are registered for");
        }
        if (x.is(RequestMethod.GET)) {
            return endpoints.find(unitId).map(url -> json(200, Map.of("unitId", unitId, "url", url)))
                    .orElseThrow(() -> new BadRequest(404, "no notification endpoint registered for unit " + unitId));
        }
        if (x.is(RequestMethod.DELETE)) {
            endpoints.remove(unitId);
            return json(200, Map.of("removed", unitId));
        }
        x.requireMethod(RequestMethod.PUT);
        String url = httpUrl(text(x.objectBody(), "url"));
        endpoints.register(unitId, url);
        return json(200, Map.of("unitId", unitId, "url", url));
    }

    /** Inbox, own endpoint, and questions/answers from a recipient. */
    private ResponseDefinition recipients(ControlExchange x, TenantScope scope, IntygOperations operations)
            throws JsonProcessingException {
        if (x.depth() != 4) throw x.notFound();
        String recipient = x.segment(2);
        switch (x.segment(3)) {
            case "inbox": {
                x.requireMethod(RequestMethod.GET);
                var received = inbox.received(recipient);
                // a tenant sees what was delivered of its own care providers' certificates
                if (!scope.operator()) received = received.stream()
                        .filter(e -> operations.certificate(e.certificateId()).isPresent()).toList();
                return json(200, Map.of("recipient", recipient, "received", received));
            }
            case "endpoint": {
                x.requireMethod(RequestMethod.PUT);
                scope.requireOperator("a recipient's endpoint", "every vendor's certificates go to it");
                JsonNode body = x.objectBody();
                String url = body.hasNonNull("url") ? httpUrl(body.get("url").asText()) : null;
                seed.registerRecipientEndpoint(recipient, url);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("recipient", recipient);
                v.put("url", url);
                return json(200, v);
            }
            case "messages": {
                x.requireMethod(RequestMethod.POST);
                JsonNode b = x.objectBody();
                List<IntygCommands.Complement> complements = new ArrayList<>();
                for (JsonNode c : b.path("komplettering")) {
                    complements.add(new IntygCommands.Complement(text(c, "frageId"),
                            c.hasNonNull("instans") ? c.get("instans").asInt() : null, text(c, "text")));
                }
                LocalDate sista = date(b, "sistaDatumForSvar");
                Outcome<String> o = operations.recipientSendsMessage(new IntygCommands.RecipientMessage(
                        text(b, "certificateId"), recipient, text(b, "amne"), optionalText(b, "rubrik"),
                        text(b, "meddelande"), optionalText(b, "svarPa"), optionalText(b, "paminnelseMeddelandeId"),
                        complements, sista));
                return outcome(o, "meddelandeId");
            }
            default:
                throw x.notFound();
        }
    }

    /** What a doctor in Webcert does with a draft or a signed certificate. */
    private ResponseDefinition certificates(ControlExchange x, IntygOperations operations) throws JsonProcessingException {
        String id = x.segment(2);
        if (id == null) throw x.notFound();
        if (x.depth() == 3) {
            x.requireMethod(RequestMethod.DELETE);
            return outcome(operations.deleteDraft(new IntygCommands.CertificateAction(id, DEFAULT_DOCTOR)), null);
        }
        if (x.depth() != 4) throw x.notFound();
        String action = x.segment(3);
        if ("messages".equals(action)) {
            x.requireMethod(RequestMethod.GET);
            return outcome(operations.messages(id), "messages");
        }
        x.requireMethod(RequestMethod.POST);
        ObjectNode b = x.optionalObjectBody();
        String hsaId = b.hasNonNull("hsaId") ? b.get("hsaId").asText() : DEFAULT_DOCTOR;
        return switch (action) {
            case "ready" -> outcome(operations.markReadyToSign(new IntygCommands.CertificateAction(id, hsaId)), null);
            case "sign" -> outcome(sign(operations, id, hsaId, optionalText(b, "answersXml")), null);
            case "send" -> outcome(operations.sendSigned(new IntygCommands.SendSigned(id,
                    optionalText(b, "recipient"), hsaId)), null);
            case "revoke" -> outcome(operations.revokeSigned(new IntygCommands.RevokeSigned(id,
                    optionalText(b, "reason"), hsaId)), null);
            case "questions" -> outcome(operations.careSendsMessage(new IntygCommands.CareMessage(id, hsaId,
                    text(b, "amne"), optionalText(b, "rubrik"), text(b, "meddelande"), optionalText(b, "svarPa"))),
                    "meddelandeId");
            default -> throw x.notFound();
        };
    }

    /**
     * Only a draft is handed to the signer, which builds the signed certificate from it; anything else is the
     * domain's own refusal for a step that needs a draft.
     */
    private Outcome<Void> sign(IntygOperations operations, String id, String hsaId, String answersXml) {
        boolean draft = operations.certificate(id).map(IntygModel.CertificateView::lifecycle)
                .filter(l -> l == IntygModel.Lifecycle.DRAFT || l == IntygModel.Lifecycle.READY).isPresent();
        if (!draft) return Outcome.error(ErrorId.VALIDATION_ERROR, "Certificate " + id + " is not a draft");
        return signer.sign(id, hsaId, answersXml);
    }

    /** {@code PUT /control/intyg/messages/{meddelandeId}/handled} {@code {"handled": true}}. */
    private ResponseDefinition messages(ControlExchange x, IntygOperations operations) throws JsonProcessingException {
        if (x.depth() != 4 || !"handled".equals(x.segment(3))) throw x.notFound();
        x.requireMethod(RequestMethod.PUT);
        JsonNode b = x.objectBody();
        if (!b.has("handled") || !b.get("handled").isBoolean()) throw new BadRequest(400, "handled: true or false");
        String hsaId = b.hasNonNull("hsaId") ? b.get("hsaId").asText() : DEFAULT_DOCTOR;
        return outcome(operations.setQuestionHandled(new IntygCommands.SetQuestionHandled(x.segment(2),
                b.get("handled").asBoolean(), hsaId)), null);
    }

    /** {@code POST /control/intyg/care-providers/{id}/erase}: journal destruction, gone without trace. */
    private ResponseDefinition careProviders(ControlExchange x, IntygOperations operations) {
        if (x.depth() != 4 || !"erase".equals(x.segment(3))) throw x.notFound();
        x.requireMethod(RequestMethod.POST);
        return outcome(operations.eraseCareProvider(x.segment(2)), "erased");
    }

    /** {@code GET /control/intyg/notifications[?certificateId=]}, {@code POST /control/intyg/notifications/deliver}. */
    private ResponseDefinition notifications(ControlExchange x, TenantScope scope) {
        if (x.depth() == 4 && "deliver".equals(x.segment(2))) throw x.notFound();
        if (x.depth() == 3 && "deliver".equals(x.segment(2))) {
            x.requireMethod(RequestMethod.POST);
            deliverDue.run();
            return json(200, Map.of("delivered", true));
        }
        if (x.depth() != 2) throw x.notFound();
        x.requireMethod(RequestMethod.GET);
        String certificateId = x.query("certificateId");
        var rows = certificateId == null ? outbox.all() : outbox.forCertificate(certificateId);
        boolean bodies = "true".equals(x.query("bodies"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (var n : rows) {
            if (!scope.seesUnit(n.unitId())) continue;
            Map<String, Object> v = JSON.convertValue(n, Map.class);
            if (!bodies) v.remove("certificateXml");
            out.add(v);
        }
        return json(200, Map.of("count", out.size(), "notifications", out));
    }

    private static ResponseDefinition outcome(Outcome<?> o, String valueName) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("resultCode", o.resultCode() == null ? null : o.resultCode().name());
        if (o.errorId() != null) v.put("errorId", o.errorId().name());
        if (o.resultText() != null) v.put("resultText", o.resultText());
        if (o.isFault()) v.put("fault", true);
        if (valueName != null && o.value() != null) v.put(valueName, o.value());
        return json(o.performed() ? 200 : 422, v);
    }

    private static LocalDate date(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(400, field + ": a date YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static String personId(String value) {
        if (value == null || !value.matches("\\d{12}")) {
            throw new BadRequest(400, "personId: 12 digits without hyphen, e.g. 191212121212");
        }
        return value;
    }

    private static String httpUrl(String url) {
        if (!url.matches("https?://[^\\s]+")) throw new BadRequest(400, "url: an http(s) URL is required, not '" + url + "'");
        return url;
    }
}
