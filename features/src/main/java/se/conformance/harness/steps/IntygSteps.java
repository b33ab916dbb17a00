package se.conformance.harness.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.sv.Givet;
import io.cucumber.java.sv.När;
import io.cucumber.java.sv.Så;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import se.conformance.harness.check.CheckFailure;
import se.conformance.harness.check.Xml;
import se.conformance.harness.driver.DriverAnswer;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.harness.simulator.SetUp;

/**
 * Intygstjänster and Webcert, the journal system as client: drafts, lists, answers to the
 * recipient's questions and complements, and what they carried.
 */
public final class IntygSteps {

    private final ScenarioState state;
    /** The patient of the certificate the scenario set up. */
    private String patient;

    public IntygSteps(ScenarioState state) {
        this.state = state;
    }

    @Givet("att Intygstjänsterna är nollställda och dagens datum är {string}")
    public void resetAt(String date) {
        state.startAt(LocalDate.parse(date));
    }

    @Givet("att patienten {string} har ett signerat och skickat LISJP-intyg med en fråga från Försäkringskassan")
    public void certificateWithQuestion(String personId) {
        String id = state.setUp().signedAndSentLisjp(personId);
        patient = personId;
        state.certificateId(id);
        state.questionId(state.setUp().recipientQuestion(id, "OVRIGT"));
    }

    @Givet("att patienten {string} har ett signerat och skickat LISJP-intyg med en kompletteringsbegäran från Försäkringskassan")
    public void certificateWithComplementRequest(String personId) {
        String id = state.setUp().signedAndSentLisjp(personId);
        patient = personId;
        state.certificateId(id);
        state.questionId(state.setUp().recipientQuestion(id, "KOMPLT"));
    }

    private Map<String, Object> user() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("careProvider", SetUp.CARE_PROVIDER);
        p.put("unit", SetUp.CARE_UNIT);
        p.put("employee", SetUp.EMPLOYEE);
        p.put("today", state.today().toString());
        return p;
    }

    @När("journalsystemet skapar ett utkast av typen {word} för patient {string}")
    public void createDraft(String type, String patient) {
        Map<String, Object> p = user();
        p.put("patient", patient);
        p.put("type", type);
        state.act("intyg.create-draft", p, "Skapa ett utkast av typen " + type + " för patient " + patient,
                "CreateDraftCertificate");
    }

    @När("journalsystemet listar intygen för patient {string}")
    public void list(String patient) {
        Map<String, Object> p = user();
        p.put("patient", patient);
        state.act("intyg.list-certificates", p, "Visa patient " + patient + "s intyg med frågor och svar",
                "ListCertificatesForCareWithQA");
    }

    @När("journalsystemet kompletterar intyget")
    public void complement() {
        Map<String, Object> p = user();
        p.put("patient", patient);
        p.put("certificateId", state.certificateId().orElseThrow());
        p.put("questionId", state.questionId().orElseThrow());
        state.act("intyg.complement", p, "Komplettera intyg " + state.certificateId().get() + " enligt fråga "
                + state.questionId().get(), "RegisterCertificate");
    }

    @När("journalsystemet besvarar frågan med texten {string}")
    public void answer(String text) {
        Map<String, Object> p = user();
        p.put("patient", patient);
        p.put("certificateId", state.certificateId().orElseThrow());
        p.put("questionId", state.questionId().orElseThrow());
        p.put("text", text);
        p.put("amne", "OVRIGT");
        state.act("intyg.answer-question", p, "Besvara fråga " + state.questionId().get() + " med: " + text,
                "SendMessageToRecipient");
    }

    @Så("bär anropet CreateDraftCertificate en fullständig skapadAv")
    public void completeCreator() {
        JournalEntry e = state.lastVendorExchange("CreateDraftCertificate");
        Element payload = ScenarioState.payload(e.requestBody()).orElseThrow();
        Element creator = Xml.first(payload, "skapadAv").orElseThrow(() -> CheckFailure.schema(state.itemId(),
                "CreateDraftCertificate (trace " + e.traceId() + ") saknar skapadAv"));
        require(e, creator, "personal-id", "extension");
        require(e, creator, "fullstandigtNamn", null);
        Element unit = Xml.first(creator, "enhet").orElseThrow(() -> CheckFailure.rule(state.itemId(),
                "CreateDraftCertificate (trace " + e.traceId() + ") saknar skapadAv/enhet"));
        require(e, unit, "enhets-id", "extension");
        require(e, unit, "enhetsnamn", null);
    }

    private void require(JournalEntry e, Element parent, String name, String child) {
        Optional<String> value = Xml.first(parent, name)
                .map(x -> child == null ? x : Xml.child(x, child).orElse(null))
                .map(x -> x == null ? "" : x.getTextContent().trim());
        if (value.isEmpty() || value.get().isBlank()) {
            throw CheckFailure.rule(state.itemId(), e.operation() + " (trace " + e.traceId() + ") saknar "
                    + parent.getLocalName() + "/" + name + (child == null ? "" : "/" + child));
        }
    }

    @Så("har journalsystemet fått intygets id")
    public void gotId() {
        JournalEntry e = state.lastVendorExchange("CreateDraftCertificate");
        String issued = Xml.first(Xml.parse(e.responseBody()), "intygs-id").flatMap(x -> Xml.text(x, "extension"))
                .orElseThrow(() -> CheckFailure.rule(state.itemId(), "Webcert svarade utan intygs-id (trace " + e.traceId() + ")"));
        DriverAnswer a = state.lastAnswer();
        String kept = a.text("certificateId").orElse("(inget)");
        if (!issued.equals(kept)) {
            throw CheckFailure.rule(state.itemId(), "systemet har intyget som \"" + kept + "\", Webcert gav " + issued);
        }
    }

    @Så("visar journalsystemet intyget med {int} fråga")
    public void listsWithQuestions(int questions) {
        DriverAnswer a = state.lastAnswer();
        String id = state.certificateId().orElseThrow();
        for (JsonNode c : a.field("certificates").map(n -> (Iterable<JsonNode>) n).orElse(List.of())) {
            if (id.equals(c.path("id").asText())) {
                if (c.path("questions").asInt(-1) != questions) {
                    throw CheckFailure.rule(state.itemId(), "systemet visar intyget med " + c.path("questions").asText()
                            + " frågor, Webcert listade " + questions);
                }
                return;
            }
        }
        throw CheckFailure.rule(state.itemId(), "systemet visar inte intyg " + id + " bland patientens intyg: " + a.body());
    }

    @Så("har det kompletterande intyget relationen KOMPLT till originalet och svarar på frågan")
    public void complementRelation() {
        JournalEntry e = state.lastVendorExchange("RegisterCertificate");
        Element payload = ScenarioState.payload(e.requestBody()).orElseThrow();
        Element relation = Xml.first(payload, "relation").orElseThrow(() -> CheckFailure.rule(state.itemId(),
                "RegisterCertificate (trace " + e.traceId() + ") saknar relation till originalet"));
        String type = Xml.first(relation, "typ").flatMap(t -> Xml.text(t, "code")).orElse("");
        String target = Xml.first(relation, "intygs-id").flatMap(t -> Xml.text(t, "extension")).orElse("");
        if (!"KOMPLT".equals(type) || !target.equals(state.certificateId().orElseThrow())) {
            throw CheckFailure.rule(state.itemId(), "relationen är " + type + " till " + target + ", väntat KOMPLT till "
                    + state.certificateId().get());
        }
        String answers = Xml.first(payload, "svarPa").flatMap(s -> Xml.text(s, "meddelande-id")).orElse("");
        if (!answers.equals(state.questionId().orElseThrow())) {
            throw CheckFailure.rule(state.itemId(), "svarPa/meddelande-id är \"" + answers + "\", väntat frågan "
                    + state.questionId().get());
        }
    }

    @Så("svarar meddelandet på Försäkringskassans fråga")
    public void answersQuestion() {
        JournalEntry e = state.lastVendorExchange("SendMessageToRecipient");
        Element payload = ScenarioState.payload(e.requestBody()).orElseThrow();
        String answers = Xml.first(payload, "svarPa").flatMap(s -> Xml.text(s, "meddelande-id")).orElse("");
        if (!answers.equals(state.questionId().orElseThrow())) {
            throw CheckFailure.rule(state.itemId(), "SendMessageToRecipient (trace " + e.traceId()
                    + ") svarar på \"" + answers + "\", väntat frågan " + state.questionId().get());
        }
    }
}
