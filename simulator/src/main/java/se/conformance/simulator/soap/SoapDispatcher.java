package se.conformance.simulator.soap;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.fault.FaultRule;
import se.conformance.simulator.fault.FaultRules;
import se.conformance.simulator.journal.Exchange;
import se.conformance.simulator.journal.TraceIds;

/**
 * The one SOAP dispatch path of the simulator, a WireMock response transformer: path to
 * operation, envelope checks, validation against our own schemas, JAXB, the service adapter,
 * and the answer — or the answer a fault rule prescribes. Every call leaves an {@link Exchange}
 * on its serve event for the journal.
 *
 * <p>Refusals inside a well-formed SOAP 1.1 envelope (schema violations, a missing
 * {@code LogicalAddress}) are answered in the operation's own response with
 * {@code VALIDATION_ERROR}, HTTP 200, as the real services do; only what is not a call of the
 * operation at all is a SOAP fault.
 */
public final class SoapDispatcher implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "soap-dispatch";
    private static final String TRACE_HEADER = "x-trace-id";

    /**
     * The caller and LogicalAddress as journalled, cut to the journal's columns: an over-long value
     * from a vendor must not cost the journal its entry (the service sees the whole LogicalAddress;
     * a caller id of more than 128 characters is no HSA-id).
     */
    private static final int MAX_LOGICAL_ADDRESS_CHARS = 64;

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private record Binding(SoapOperation operation, ServiceAdapter adapter) {}

    private final Map<String, Binding> byPath = new HashMap<>();
    private final ContractSchemas schemas = new ContractSchemas();
    private final FaultRules faultRules;
    private final boolean acceptDeclaredCaller;

    /** @param acceptDeclaredCaller whether the RIV-TA consumer header may name the caller ({@link CallerIdentity}) */
    public SoapDispatcher(List<ServiceAdapter> adapters, FaultRules faultRules, boolean acceptDeclaredCaller) {
        for (ServiceAdapter adapter : adapters) {
            for (SoapOperation op : adapter.operations()) byPath.put(op.path(), new Binding(op, adapter));
        }
        this.faultRules = faultRules;
        this.acceptDeclaredCaller = acceptDeclaredCaller;
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
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        Binding binding = byPath.get(path);
        if (binding == null) {
            return plain(404, "Ingen tjänst på " + path);
        }
        if (RequestMethod.GET.equals(request.getMethod())) {
            return document(binding.operation(), request, path);
        }
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return plain(405, "Endast POST (SOAP 1.1) och GET ?wsdl stöds");
        }
        Exchange exchange = new Exchange(TraceIds.next(), binding.operation().service(),
                binding.operation().name(), CallerIdentity.of(request::getHeader, acceptDeclaredCaller));
        try {
            return answer(binding, request, exchange, faultRule(event));
        } catch (SoapFaultException e) {
            exchange.fault(e.code().localName, e.getMessage());
            return fault(e.code(), e.getMessage(), exchange.traceId());
        } catch (RuntimeException e) {
            String text = "Tekniskt fel i simulatorn (spår-id " + exchange.traceId() + ")";
            exchange.fault(SoapFaultException.Code.SERVER.localName, text + ": " + e);
            return fault(SoapFaultException.Code.SERVER, text, exchange.traceId());
        } finally {
            exchange.attachTo(event);
        }
    }

    private FaultRule faultRule(ServeEvent event) {
        Parameters p = event.getResponseDefinition().getTransformerParameters();
        if (p == null || !p.containsKey(FaultRules.RULE_ID)) return null;
        return faultRules.get(p.getString(FaultRules.RULE_ID)).orElse(null);
    }

    private ResponseDefinition answer(Binding binding, Request request, Exchange exchange, FaultRule rule) {
        SoapOperation op = binding.operation();
        ServiceAdapter adapter = binding.adapter();
        if (rule != null) {
            exchange.faultRule(rule.id());
            if (rule.drop()) {
                exchange.dropped();
                return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            }
            if (rule.soapFaultString() != null) {
                exchange.fault(rule.soapFaultCode(), rule.soapFaultString());
                return delayed(faultBuilder(rule.soapFaultCode(), rule.soapFaultString(), exchange.traceId()), rule);
            }
        }
        checkContentType(request.getHeader("Content-Type"));
        // The body is within RequestLimits.maxBodyBytes: the transport refused larger ones unread.
        // One pass over it: envelope checks, and (unless a fault rule answers) validation and JAXB side by side.
        boolean checked = rule == null || rule.resultCode() == null;
        ContractSchemas.Check check = checked ? schemas.check(op) : null;
        Unmarshalling jaxb = checked ? Unmarshalling.start(adapter, op) : null;
        SoapEnvelope envelope = SoapEnvelope.parse(request.getBody(), checked && adapter.keepsPayload(op),
                checked ? List.of(check.reader(), jaxb.reader) : List.of());
        exchange.logicalAddress(clip(envelope.logicalAddress(), MAX_LOGICAL_ADDRESS_CHARS));
        exchange.index(envelope.indexFields());
        Object response;
        if (!checked) {
            exchange.validation(Exchange.Validation.NOT_CHECKED, null);
            response = adapter.resultOnly(op, rule.resultCode(), rule.errorId(), rule.resultText());
        } else {
            List<String> violations = check.violations();
            if (envelope.logicalAddress() == null || envelope.logicalAddress().isEmpty()) {
                violations = new java.util.ArrayList<>(violations);
                violations.add(0, "LogicalAddress: SOAP-huvudet saknar {" + SoapEnvelope.REGISTRY_NS
                        + "}LogicalAddress, som RIV-TA BP 2.1 kräver");
            }
            if (!violations.isEmpty()) {
                jaxb.release(); // what JAXB made of an invalid request is dropped unread
                String text = String.join("; ", violations);
                exchange.validation(Exchange.Validation.INVALID, text);
                response = adapter.resultOnly(op, "VALIDATION_ERROR", null, text);
            } else {
                exchange.validation(Exchange.Validation.VALID, null);
                Object call = jaxb.result();
                response = adapter.invoke(op, call, envelope.payload(),
                        new SoapCall(exchange.traceId(), envelope.logicalAddress(), exchange.caller()));
            }
        }
        exchange.resultCode(adapter.resultCodeOf(response));
        byte[] body = envelope(adapter, op, response);
        exchange.responseBody(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        ResponseDefinitionBuilder ok = new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withHeader(TRACE_HEADER, exchange.traceId())
                .withBody(body);
        return rule != null ? delayed(ok, rule) : ok.build();
    }

    /**
     * SOAP 1.1 travels as {@code text/xml} (RIV-TA BP 2.1); {@code application/xml} is tolerated, a
     * missing type too. SOAP 1.2's {@code application/soap+xml} is a version mismatch; anything else
     * (JSON, a form) is not a SOAP call.
     */
    static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) return;
        String media = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (media.equals("text/xml") || media.equals("application/xml")) return;
        String shown = media.length() > 64 ? media.substring(0, 64) + "…" : media;
        if (media.equals("application/soap+xml")) {
            throw new SoapFaultException(SoapFaultException.Code.VERSION_MISMATCH, "Content-Type " + shown
                    + " är SOAP 1.2: tjänsten följer RIV-TA BP 2.1 (SOAP 1.1, Content-Type text/xml)");
        }
        throw new SoapFaultException(SoapFaultException.Code.CLIENT,
                "Content-Type " + shown + " är inte SOAP 1.1: skicka text/xml; charset=UTF-8 (RIV-TA BP 2.1)");
    }

    private static ResponseDefinition delayed(ResponseDefinitionBuilder builder, FaultRule rule) {
        if (rule.delayMillis() != null) builder.withFixedDelay(rule.delayMillis());
        return builder.build();
    }

    /**
     * Unmarshallers and marshallers are not thread-safe but reusable: one per thread and operation. An
     * unmarshaller in use is out of the map; it goes back once it has read a whole payload cleanly.
     */
    private static final ThreadLocal<Map<SoapOperation, Unmarshaller>> UNMARSHALLERS = ThreadLocal.withInitial(HashMap::new);
    private static final ThreadLocal<Map<SoapOperation, Marshaller>> MARSHALLERS = ThreadLocal.withInitial(HashMap::new);

    /** JAXB reading one request's payload in the envelope's pass. */
    private static final class Unmarshalling {

        private final SoapOperation op;
        private final Unmarshaller unmarshaller;
        /** Why there is no unmarshaller: reported, as before, only for a request that gets as far as JAXB. */
        private final JAXBException unavailable;
        private final UnmarshallerHandler handler;
        final PayloadReader reader;

        private Unmarshalling(SoapOperation op, Unmarshaller unmarshaller, JAXBException unavailable) {
            this.op = op;
            this.unmarshaller = unmarshaller;
            this.unavailable = unavailable;
            this.handler = unmarshaller == null ? null : unmarshaller.getUnmarshallerHandler();
            this.reader = new PayloadReader(handler == null ? new DefaultHandler() : handler);
        }

        static Unmarshalling start(ServiceAdapter adapter, SoapOperation op) {
            Unmarshaller u = UNMARSHALLERS.get().remove(op);
            if (u != null) return new Unmarshalling(op, u, null);
            try {
                return new Unmarshalling(op, adapter.jaxbContext(op).createUnmarshaller(), null);
            } catch (JAXBException e) {
                return new Unmarshalling(op, null, e);
            }
        }

        /** The request object of a schema-valid payload. */
        Object result() {
            try {
                if (unavailable != null) throw unavailable;
                Exception failure = reader.failure();
                if (failure instanceof RuntimeException e) throw e;
                if (failure != null) throw unmarshalException((SAXException) failure);
                Object result = handler.getResult();
                release();
                return result;
            } catch (JAXBException e) {
                throw new SoapFaultException(SoapFaultException.Code.CLIENT, "Begäran kan inte läsas: " + e);
            }
        }

        /** Back to the thread's map, if it read the payload to its end without a failure. */
        void release() {
            if (unmarshaller != null && reader.completed()) UNMARSHALLERS.get().put(op, unmarshaller);
        }

        /** As {@code Unmarshaller.unmarshal} reports a failure of its SAX handler. */
        private static JAXBException unmarshalException(SAXException e) {
            return e.getException() instanceof JAXBException j ? j : new UnmarshalException(e);
        }
    }

    private static final byte[] ENVELOPE_START = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soap:Envelope xmlns:soap=\"" + SoapEnvelope.SOAP11_NS + "\"><soap:Header/><soap:Body>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] ENVELOPE_END = "</soap:Body></soap:Envelope>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * The response in its SOAP envelope, as the UTF-8 bytes sent. JAXB writes straight into the bytes: its
     * UTF-8 output is its fast path (a {@code Writer} makes it look up an escape handler for every answer).
     */
    private static byte[] envelope(ServiceAdapter adapter, SoapOperation op, Object response) {
        try {
            Marshaller m = MARSHALLERS.get().get(op);
            if (m == null) {
                m = adapter.jaxbContext(op).createMarshaller();
                m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
                m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
                MARSHALLERS.get().put(op, m);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(2048);
            out.writeBytes(ENVELOPE_START);
            m.marshal(response, out);
            out.writeBytes(ENVELOPE_END);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("response cannot be written: " + e, e);
        }
    }

    private static ResponseDefinition fault(SoapFaultException.Code code, String text, String traceId) {
        return faultBuilder(code.localName, text, traceId).build();
    }

    private static ResponseDefinitionBuilder faultBuilder(String code, String text, String traceId) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + SoapEnvelope.SOAP11_NS + "\"><soap:Body><soap:Fault>"
                + "<faultcode>soap:" + escape(code) + "</faultcode><faultstring>" + escape(text)
                + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
        return new ResponseDefinitionBuilder().withStatus(500)
                .withHeader("Content-Type", "text/xml; charset=UTF-8")
                .withHeader(TRACE_HEADER, traceId)
                .withBody(body);
    }

    private ResponseDefinition document(SoapOperation op, Request request, String path) {
        String endpoint = request.getAbsoluteUrl();
        endpoint = endpoint.contains("?") ? endpoint.substring(0, endpoint.indexOf('?')) : endpoint;
        String query = request.getUrl().contains("?") ? request.getUrl().substring(request.getUrl().indexOf('?') + 1) : "";
        if (query.equalsIgnoreCase("wsdl")) {
            return xml(ContractDocuments.wsdl(op, endpoint));
        }
        QueryParameter xsd = request.queryParameter("xsd");
        if (xsd.isPresent()) {
            String text = ContractDocuments.schema(op, xsd.firstValue(), endpoint);
            return text == null ? plain(404, "Inget schema " + xsd.firstValue()) : xml(text);
        }
        return plain(405, "GET " + path + " stöds bara med ?wsdl eller ?xsd=<fil>");
    }

    private static ResponseDefinition xml(String text) {
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(text).build();
    }

    private static ResponseDefinition plain(int status, String text) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "text/plain; charset=UTF-8").withBody(text).build();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
