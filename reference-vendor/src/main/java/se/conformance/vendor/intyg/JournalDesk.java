package se.conformance.vendor.intyg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import se.conformance.vendor.VendorState;
import se.conformance.vendor.VendorState.Certificate;
import se.conformance.vendor.driver.Answer;
import se.conformance.vendor.driver.BadParameter;
import se.conformance.vendor.driver.Params;
import se.conformance.vendor.driver.Workplace;
import se.conformance.vendor.patient.PersonNumber;
import se.conformance.vendor.soap.SoapCall;
import se.conformance.vendor.soap.Xml;

/** The journal's certificate work, one method per driver action ({@code intyg.*}). */
public final class JournalDesk {

    static final String LISJP_CODE_SYSTEM = "b64ea353-e8f6-4832-b563-fc7d46f29548";
    static final String AMNE_CODE_SYSTEM = "ffa59d8f-8d7e-46ae-ac9e-31804e8e8499";
    static final String RELATION_CODE_SYSTEM = "c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146";
    static final String HSA_OID = "1.2.752.129.2.1.4.1";
    private static final Set<String> ANSWERABLE = Set.of("AVSTMN", "KONTKT", "OVRIGT");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final IntygClient client;
    private final VendorState state;
    private final Supplier<LocalDateTime> now;
    private final String registerTemplate;

    public JournalDesk(IntygClient client, VendorState state, Supplier<LocalDateTime> now) {
        this.client = client;
        this.state = state;
        this.now = now;
        try (InputStream in = JournalDesk.class.getResourceAsStream("RegisterCertificate-LISJP.xml")) {
            this.registerTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PersonNumber patient(Params p, String name) {
        try {
            return PersonNumber.parse(p.str(name), now.get().toLocalDate());
        } catch (IllegalArgumentException e) {
            throw new BadParameter(name, e.getMessage());
        }
    }

    /** The text shown for a call that was not OK (null when OK; the resultText on INFO). */
    static String problemText(SoapCall call) {
        return switch (call.kind()) {
            case NO_ANSWER -> "Intygstjänsten svarade inte (" + call.problem() + "). Försök igen senare.";
            case FAULT -> "Tekniskt fel i intygstjänsten (" + call.faultString() + ").";
            default -> {
                String code = call.resultCode();
                if ("OK".equals(code)) {
                    yield null;
                }
                String text = call.resultText() == null ? "" : call.resultText();
                yield code == null ? "Oväntat svar från intygstjänsten." : "INFO".equals(code) ? text
                        : code + (call.errorId() == null ? "" : "/" + call.errorId()) + ": " + text;
            }
        };
    }

    private static boolean performed(SoapCall call) {
        return call.answered() && ("OK".equals(call.resultCode()) || "INFO".equals(call.resultCode()));
    }

    private static String id(String root, String extension) {
        return "<t:root>" + Xml.esc(root) + "</t:root><t:extension>" + Xml.esc(extension) + "</t:extension>";
    }

    public Answer createDraft(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        String type = p.oneOf("type", "LISJP", Set.of("LISJP"));
        String ref = "referenskassan-" + UUID.randomUUID();
        String xml = "<r:intyg>"
                + "<r:typAvIntyg><t:code>" + type + "</t:code><t:codeSystem>" + LISJP_CODE_SYSTEM + "</t:codeSystem></r:typAvIntyg>"
                + "<r:patient><c:person-id>" + id(pn.oid(), pn.digits()) + "</c:person-id>"
                + "<c:fornamn>" + Xml.esc(p.str("fornamn", "Testperson")) + "</c:fornamn>"
                + "<c:efternamn>" + Xml.esc(p.str("efternamn", "Referenskassan")) + "</c:efternamn>"
                + "<c:postadress>" + Xml.esc(p.str("postadress", "")) + "</c:postadress>"
                + "<c:postnummer>" + Xml.esc(p.str("postnummer", "")) + "</c:postnummer>"
                + "<c:postort>" + Xml.esc(p.str("postort", "")) + "</c:postort></r:patient>"
                + "<r:skapadAv><r:personal-id>" + id(HSA_OID, w.employee()) + "</r:personal-id>"
                + "<r:fullstandigtNamn>" + Xml.esc(p.str("employeeName", "Referens Läkare")) + "</r:fullstandigtNamn>"
                + "<r:enhet><r:enhets-id>" + id(HSA_OID, w.unit()) + "</r:enhets-id>"
                + "<r:enhetsnamn>" + Xml.esc(p.str("unitName", "Vårdcentralen Referenskassan")) + "</r:enhetsnamn>"
                + "<c:vardgivare><c:vardgivare-id>" + id(HSA_OID, w.careProvider()) + "</c:vardgivare-id>"
                + "<c:vardgivarnamn>" + Xml.esc(p.str("careProviderName", "Referensvårdgivaren")) + "</c:vardgivarnamn></c:vardgivare>"
                + "</r:enhet></r:skapadAv>"
                + "<r:ref>" + ref + "</r:ref>"
                + "</r:intyg>";
        SoapCall call = client.call("CreateDraftCertificate", 3, xml);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("certificateId", (String) null);
        }
        String certificateId = Xml.first(call.payload(), "intygs-id").map(e -> Xml.childText(e, "extension")).orElse(null);
        if (certificateId != null) {
            state.putCertificate(new Certificate(certificateId, w.unit(), pn.digits(), type, ref));
        }
        String shown = problemText(call);
        return Answer.done(shown == null ? "Utkast skapat i Webcert." : shown).put("certificateId", certificateId);
    }

    public Answer listCertificates(Params p) {
        Workplace w = Workplace.of(p);
        PersonNumber pn = patient(p, "patient");
        String xml = "<r:person-id>" + id(pn.oid(), pn.digits()) + "</r:person-id>"
                + "<r:enhets-id>" + id(HSA_OID, w.unit()) + "</r:enhets-id>";
        SoapCall call = client.call("ListCertificatesForCareWithQA", 3, xml);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("certificates", JsonNodeFactory.instance.arrayNode());
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        Element listEl = Xml.child(call.payload(), "list").orElse(null);
        for (Element item : Xml.childrenNamed(listEl, "item")) {
            Element intyg = Xml.child(item, "intyg").orElseThrow();
            String certId = Xml.child(intyg, "intygs-id").map(e -> Xml.childText(e, "extension")).orElse(null);
            String type = Xml.child(intyg, "typ").map(e -> Xml.childText(e, "code")).orElse(null);
            List<Element> statuses = Xml.childrenNamed(intyg, "status");
            List<String> events = Xml.child(item, "handelser").map(h -> Xml.childrenNamed(h, "handelse").stream()
                    .map(e -> Xml.child(e, "handelsekod").map(c -> Xml.childText(c, "code")).orElse(null)).toList())
                    .orElse(List.of());
            String status = statuses.isEmpty() ? "DRAFT"
                    : Xml.child(statuses.get(statuses.size() - 1), "status").map(s -> Xml.childText(s, "code")).orElse(null);
            ObjectNode received = counts(Xml.child(item, "mottagnaFragor").orElse(null));
            ObjectNode sent = counts(Xml.child(item, "skickadeFragor").orElse(null));
            ObjectNode o = list.addObject();
            o.put("id", certId);
            o.put("type", type);
            o.put("status", status);
            o.put("questions", received.path("totalt").asInt() + sent.path("totalt").asInt());
            ObjectNode qc = o.putObject("questionCounts");
            qc.set("received", received);
            qc.set("sent", sent);
            ArrayNode ev = o.putArray("events");
            events.forEach(ev::add);
            o.put("ref", Xml.childText(item, "ref"));
            if (certId != null) {
                state.putCertificateIfAbsent(new Certificate(certId, w.unit(), pn.digits(), type, Xml.childText(item, "ref")));
            }
        }
        String shown = problemText(call);
        return Answer.done(shown == null ? list.size() + " intyg." : shown).put("certificates", list);
    }

    private static ObjectNode counts(Element arenden) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (String f : List.of("totalt", "ejBesvarade", "besvarade", "hanterade")) {
            String v = arenden == null ? null : Xml.childText(arenden, f);
            o.put(f, v == null ? 0 : Integer.parseInt(v));
        }
        return o;
    }

    /** The certificate's patient: what the journal knows, or the {@code patient} parameter. */
    private PersonNumber patientOf(Params p, String certificateId) {
        if (p.has("patient")) {
            return patient(p, "patient");
        }
        Optional<Certificate> c = state.certificate(certificateId);
        if (c.isEmpty() || c.get().patient() == null) {
            throw new BadParameter("certificateId", "unknown to the journal; give the 'patient' too");
        }
        return PersonNumber.parse(c.get().patient(), now.get().toLocalDate());
    }

    public Answer answerQuestion(Params p) {
        Workplace w = Workplace.of(p);
        String certificateId = p.str("certificateId");
        String questionId = p.str("questionId");
        String text = p.str("text");
        PersonNumber pn = patientOf(p, certificateId);
        String amne = p.has("amne") ? p.oneOf("amne", null, ANSWERABLE) : questionSubject(certificateId);
        String xml = "<r:meddelande-id>" + UUID.randomUUID() + "</r:meddelande-id>"
                + "<r:skickatTidpunkt>" + now.get().truncatedTo(ChronoUnit.SECONDS).format(SECONDS) + "</r:skickatTidpunkt>"
                + "<r:intygs-id>" + id(w.unit(), certificateId) + "</r:intygs-id>"
                + "<r:patientPerson-id>" + id(pn.oid(), pn.digits()) + "</r:patientPerson-id>"
                + "<r:logiskAdressMottagare>" + Xml.esc(p.str("recipient", "FKASSA")) + "</r:logiskAdressMottagare>"
                + "<r:amne><t:code>" + amne + "</t:code><t:codeSystem>" + AMNE_CODE_SYSTEM + "</t:codeSystem></r:amne>"
                + "<r:rubrik>Svar</r:rubrik>"
                + "<r:meddelande>" + Xml.esc(text) + "</r:meddelande>"
                + "<r:svarPa><c:meddelande-id>" + Xml.esc(questionId) + "</c:meddelande-id></r:svarPa>"
                + "<r:skickatAv>" + hosPersonal(p, w) + "</r:skickatAv>";
        SoapCall call = client.call("SendMessageToRecipient", 2, xml);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("sent", false);
        }
        String shown = problemText(call);
        return Answer.done(shown == null ? "Svaret är skickat till mottagaren." : shown).put("sent", true);
    }

    /** The subject of the latest answerable question the journal was notified of (NYFRFM), else OVRIGT. */
    private String questionSubject(String certificateId) {
        List<VendorState.Notification> ns = state.notifications(certificateId);
        for (int i = ns.size() - 1; i >= 0; i--) {
            VendorState.Notification n = ns.get(i);
            if ("NYFRFM".equals(n.code()) && n.amne() != null && ANSWERABLE.contains(n.amne())) {
                return n.amne();
            }
        }
        return "OVRIGT";
    }

    private static String hosPersonal(Params p, Workplace w) {
        return "<c:personal-id>" + id(HSA_OID, w.employee()) + "</c:personal-id>"
                + "<c:fullstandigtNamn>" + Xml.esc(p.str("employeeName", "Referens Läkare")) + "</c:fullstandigtNamn>"
                + "<c:enhet><c:enhets-id>" + id(HSA_OID, w.unit()) + "</c:enhets-id>"
                + "<c:arbetsplatskod><t:root>1.2.752.29.4.71</t:root><t:extension>1234567890</t:extension></c:arbetsplatskod>"
                + "<c:enhetsnamn>" + Xml.esc(p.str("unitName", "Vårdcentralen Referenskassan")) + "</c:enhetsnamn>"
                + "<c:postadress>Storgatan 1</c:postadress><c:postnummer>12345</c:postnummer><c:postort>Småstad</c:postort>"
                + "<c:telefonnummer>0101234567</c:telefonnummer>"
                + "<c:vardgivare><c:vardgivare-id>" + id(HSA_OID, w.careProvider()) + "</c:vardgivare-id>"
                + "<c:vardgivarnamn>" + Xml.esc(p.str("careProviderName", "Referensvårdgivaren")) + "</c:vardgivarnamn></c:vardgivare>"
                + "</c:enhet>";
    }

    public Answer complement(Params p) {
        Workplace w = Workplace.of(p);
        String original = p.str("certificateId");
        String questionId = p.str("questionId");
        PersonNumber pn = patientOf(p, original);
        String complementId = UUID.randomUUID().toString();
        String unit = state.certificate(original).map(Certificate::unit).orElse(w.unit());
        String relation = "        <c:relation><c:typ><t:code>KOMPLT</t:code><t:codeSystem>" + RELATION_CODE_SYSTEM
                + "</t:codeSystem></c:typ><c:intygs-id>" + id(unit, original) + "</c:intygs-id></c:relation>\n";
        String svarPa = "      <r:svarPa><c:meddelande-id>" + Xml.esc(questionId) + "</c:meddelande-id></r:svarPa>\n";
        Map<String, String> values = Map.of("logicalAddress", IntygClient.LOGICAL_ADDRESS, "certificateId", complementId,
                "unit", Xml.esc(w.unit()), "employee", Xml.esc(w.employee()), "careProvider", Xml.esc(w.careProvider()),
                "signed", now.get().truncatedTo(ChronoUnit.SECONDS).format(SECONDS), "patientRoot", pn.oid(),
                "patient", pn.digits(), "svarPa", svarPa, "relation", relation);
        String envelope = registerTemplate;
        for (Map.Entry<String, String> e : values.entrySet()) {
            envelope = envelope.replace("${" + e.getKey() + "}", e.getValue());
        }
        SoapCall call = client.post("RegisterCertificate", 3, envelope);
        if (!performed(call)) {
            return Answer.failed(problemText(call)).put("certificateId", (String) null);
        }
        state.putCertificate(new Certificate(complementId, w.unit(), pn.digits(), "LISJP", null));
        String shown = problemText(call);
        return Answer.done(shown == null ? "Kompletteringen är signerad och skickad." : shown)
                .put("certificateId", complementId);
    }

    public Answer shownNotifications(Params p) {
        String certificateId = p.str("certificateId");
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        StringBuilder all = new StringBuilder();
        for (VendorState.Notification n : state.notifications(certificateId)) {
            ObjectNode o = events.addObject();
            o.put("code", n.code());
            o.put("shown", n.shown());
            o.put("amne", n.amne());
            o.put("tidpunkt", n.timestamp());
            all.append(all.length() == 0 ? "" : "\n").append(n.shown());
        }
        return Answer.done(all.toString()).put("events", events);
    }
}
