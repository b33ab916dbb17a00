package se.conformance.harness.steps;

import io.cucumber.java.sv.Så;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import se.conformance.harness.check.CheckFailure;
import se.conformance.harness.check.ContractSchema;
import se.conformance.harness.check.Xml;
import se.conformance.harness.simulator.JournalEntry;

/**
 * What a client vendor sent, read from the simulator's journal (the raw request and answer of
 * every exchange): which operations it called, that each request follows the contract's schema
 * (XMLUnit, the contract's own XSD) and got a good answer, and the values it carried.
 */
public final class ExchangeSteps {

    /** Operations whose request carries an {@code actor} (the registering calls). */
    private static final Set<String> WITH_ACTOR = Set.of("RegisterTransaction", "UpdateTransaction",
            "DeleteTransaction", "RegisterCard", "UpdateCard", "DeleteCard", "OrderNewCard", "GroupPerson",
            "UngroupPerson", "RegisterOptIn", "RegisterOptOut", "UpdateReadConsent");

    private final ScenarioState state;

    public ExchangeSteps(ScenarioState state) {
        this.state = state;
    }

    /** The text of the first element with that local name in the exchange's request payload. */
    static Optional<String> element(ScenarioState state, JournalEntry e, String localName) {
        Element payload = ScenarioState.payload(e.requestBody()).orElseThrow(() -> CheckFailure.schema(state.itemId(),
                e.operation() + " (trace " + e.traceId() + ") är inget SOAP 1.1-anrop med innehåll"));
        Optional<Element> el = Xml.first(payload, localName);
        // Identifiers such as person-id and intygs-id carry their value in extension.
        return el.map(x -> Xml.child(x, "extension").orElse(x).getTextContent().trim());
    }

    @Så("har kassan/journalsystemet anropat {word}")
    public void called(String operation) {
        state.lastVendorExchange(operation);
    }

    @Så("har kassan/journalsystemet anropat {word} en gång")
    public void calledOnce(String operation) {
        List<JournalEntry> all = state.vendorExchanges(operation);
        if (all.size() != 1) {
            throw CheckFailure.rule(state.itemId(), "systemet anropade " + operation + " " + all.size()
                    + " gånger; ett svar som inte går att försöka igen med ska inte skickas igen");
        }
    }

    @Så("har kassan/journalsystemet inte anropat {word}")
    public void notCalled(String operation) {
        List<JournalEntry> all = state.vendorExchanges(operation);
        if (!all.isEmpty()) {
            throw CheckFailure.rule(state.itemId(), "systemet anropade " + operation + " (trace " + all.get(0).traceId()
                    + ", belopp " + element(state, all.get(0), "amount").orElse("–") + ") fast det inte ska");
        }
    }

    @Så("följer varje anrop från kassan/journalsystemet kontraktets schema och besvarades OK")
    public void everyCallValidAndOk() {
        List<JournalEntry> all = state.vendorExchanges();
        if (all.isEmpty()) throw CheckFailure.rule(state.itemId(), "systemet gjorde inget anrop");
        for (JournalEntry e : all) {
            Element payload = ScenarioState.payload(e.requestBody()).orElseThrow(() -> CheckFailure.schema(state.itemId(),
                    e.operation() + " (trace " + e.traceId() + ") är inget välformat SOAP 1.1-anrop"));
            List<String> problems = ContractSchema.problems(e.operation(), payload);
            if (!problems.isEmpty()) {
                throw CheckFailure.schema(state.itemId(), e.operation() + " (trace " + e.traceId()
                        + ") följer inte kontraktets schema: " + String.join("; ", problems));
            }
            if (!"OK".equals(e.resultCode()) && !"INFO".equals(e.resultCode())) {
                throw CheckFailure.rule(state.itemId(), e.operation() + " (trace " + e.traceId() + ") besvarades "
                        + e.resultCode() + (e.validationText() == null ? "" : ": " + e.validationText()));
            }
        }
    }

    @Så("bär varje anrop från kassan/journalsystemet personId {string}")
    public void everyCallCarriesPerson(String personId) {
        List<JournalEntry> all = state.vendorExchanges();
        if (all.isEmpty()) throw CheckFailure.rule(state.itemId(), "systemet gjorde inget anrop");
        for (JournalEntry e : all) {
            Optional<String> sent = element(state, e, "personId");
            if (sent.isPresent() && !sent.get().equals(personId)) {
                throw CheckFailure.rule(state.itemId(), e.operation() + " (trace " + e.traceId() + ") skickade personId \""
                        + sent.get() + "\"; identitetsnummer skickas som tolv siffror utan bindestreck: " + personId);
            }
        }
    }

    @Så("bär varje registrerande anrop från kassan en fullständig aktör")
    public void completeActor() {
        List<JournalEntry> registering = state.vendorExchanges().stream()
                .filter(e -> WITH_ACTOR.contains(e.operation())).toList();
        if (registering.isEmpty()) throw CheckFailure.rule(state.itemId(), "systemet gjorde inget registrerande anrop");
        for (JournalEntry e : registering) {
            Element payload = ScenarioState.payload(e.requestBody()).orElseThrow();
            Optional<Element> actor = Xml.first(payload, "actor");
            for (String part : List.of("employeeId", "careProviderId", "careUnitId")) {
                boolean present = actor.flatMap(a -> Xml.text(a, part)).filter(v -> !v.isBlank()).isPresent();
                if (!present) {
                    throw CheckFailure.rule(state.itemId(), e.operation() + " (trace " + e.traceId() + ") saknar actor/"
                            + part + "; varje registrerande anrop bär anställd, vårdgivare och vårdenhet");
                }
            }
        }
    }

    @Så("bär anropet {word} {word} {string}")
    public void carries(String operation, String element, String expected) {
        JournalEntry e = state.lastVendorExchange(operation);
        String sent = element(state, e, element).orElseThrow(() -> CheckFailure.rule(state.itemId(),
                operation + " (trace " + e.traceId() + ") saknar " + element + "; väntat \"" + expected + "\""));
        boolean same = sent.equals(expected) || numericEqual(sent, expected);
        if (!same) {
            throw CheckFailure.rule(state.itemId(), operation + " (trace " + e.traceId() + ") bär " + element + " \""
                    + sent + "\", väntat \"" + expected + "\"");
        }
    }

    private static boolean numericEqual(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Så("besvarades ett anrop från kassan/journalsystemet med {word}")
    public void someCallAnswered(String resultCode) {
        List<JournalEntry> all = state.vendorExchanges();
        if (all.stream().noneMatch(e -> resultCode.equals(e.resultCode()))) {
            throw CheckFailure.rule(state.itemId(), "inget anrop besvarades " + resultCode + ": "
                    + all.stream().map(e -> e.operation() + "=" + e.resultCode()).toList());
        }
    }

    @Så("besvarades kassans/journalsystemets {word} med {word}")
    public void callAnswered(String operation, String resultCode) {
        JournalEntry e = state.lastVendorExchange(operation);
        if (!resultCode.equals(e.resultCode())) {
            throw CheckFailure.rule(state.itemId(), operation + " (trace " + e.traceId() + ") besvarades "
                    + e.resultCode() + ", väntat " + resultCode);
        }
    }
}
