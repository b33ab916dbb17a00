package se.conformance.simulator.journal;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.util.HashMap;
import java.util.Map;
import se.conformance.simulator.caller.CallerIdentity;

/**
 * What the dispatcher learned about one exchange, beyond the raw bytes WireMock keeps: its trace
 * id, operation, caller, validation outcome and result. Travels to the {@link JournalRecorder}
 * as a sub-event of the WireMock serve event, so the journal has one source.
 */
public final class Exchange {

    static final String SUB_EVENT_TYPE = "simulator.exchange";

    public enum Validation { VALID, INVALID, NOT_CHECKED }

    private final Map<String, Object> data = new HashMap<>();

    public Exchange(String traceId, String service, String operation, CallerIdentity caller) {
        data.put("traceId", traceId);
        data.put("service", service);
        data.put("operation", operation);
        if (!caller.anonymous()) {
            data.put("caller", caller.hsaId());
            data.put("callerKind", caller.kind().name());
        }
        data.put("validation", Validation.NOT_CHECKED.name());
        data.put("direction", "INBOUND");
    }

    public String traceId() {
        return (String) data.get("traceId");
    }

    public CallerIdentity caller() {
        String hsaId = (String) data.get("caller");
        return hsaId == null ? CallerIdentity.ANONYMOUS
                : new CallerIdentity(CallerIdentity.Kind.valueOf((String) data.get("callerKind")), hsaId);
    }

    public void logicalAddress(String value) {
        if (value != null) data.put("logicalAddress", value);
    }

    public void validation(Validation outcome, String text) {
        data.put("validation", outcome.name());
        if (text != null) data.put("validationText", text);
    }

    public void resultCode(String code) {
        data.put("resultCode", code);
    }

    public void fault(String code, String text) {
        data.put("resultCode", "SOAP_FAULT");
        data.put("faultCode", code);
        data.put("faultText", text);
    }

    public void dropped() {
        data.put("resultCode", "DROPPED");
    }

    /**
     * The care principal and person the request names ({@link se.conformance.simulator.soap.PayloadFields}
     * keys), found while the dispatcher parsed it, so the journal's writer need not read the body again.
     */
    public void index(Map<String, String> fields) {
        String carePrincipal = fields.get(se.conformance.simulator.soap.PayloadFields.CARE_PRINCIPAL_ID);
        String person = fields.get(se.conformance.simulator.soap.PayloadFields.PERSON_ID);
        if (carePrincipal != null) data.put("carePrincipalId", carePrincipal);
        if (person != null) data.put("personId", person);
    }

    /** The answer's body as the dispatcher wrote it, so the journal need not decode WireMock's bytes again. */
    public void responseBody(String body) {
        data.put("responseBody", body);
    }

    public void faultRule(String id) {
        data.put("faultRuleId", id);
    }

    public void attachTo(ServeEvent event) {
        event.appendSubEvent(new SubEvent(SUB_EVENT_TYPE, null, Map.copyOf(data)));
    }
}
