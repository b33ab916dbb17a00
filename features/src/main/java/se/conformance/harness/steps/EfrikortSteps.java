package se.conformance.harness.steps;

import io.cucumber.java.ParameterType;
import io.cucumber.java.sv.Givet;
import io.cucumber.java.sv.Men;
import io.cucumber.java.sv.När;
import io.cucumber.java.sv.Så;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.conformance.harness.check.CheckFailure;
import se.conformance.harness.driver.DriverAnswer;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.harness.simulator.SetUp;

/**
 * e-frikort, the vendor as client: the state a patient is in, what the cash register is asked
 * to do, and what it charged and showed. What it sent is checked in {@link ExchangeSteps}.
 */
public final class EfrikortSteps {

    /** The ceiling in 2025 (1 450 kr): fees of that sum give the patient a frikort. */
    private static final BigDecimal CEILING_2025 = new BigDecimal("1450");

    private final ScenarioState state;

    public EfrikortSteps(ScenarioState state) {
        this.state = state;
    }

    /** A visit type as the feature names it: {@code ett besök}, {@code ett uteblivet besök} … */
    @ParameterType("ett besök|ett uteblivet besök|ett intyg|en vaccination")
    public String besök(String text) {
        return switch (text) {
            case "ett uteblivet besök" -> "NO_SHOW";
            case "ett intyg" -> "CERTIFICATE";
            case "en vaccination" -> "VACCINATION";
            default -> "VISIT";
        };
    }

    @Givet("att e-frikort är nollställt och dagens datum är {string}")
    public void resetAt(String date) {
        state.startAt(LocalDate.parse(date));
    }

    @Givet("att patienten {string} har betalat {int} kr i öppenvård")
    public void feesPaid(String patient, int amount) {
        state.setUp().feesPaid(ScenarioState.digitsOnly(patient), ScenarioState.kronor(amount), SetUp.STOCKHOLM,
                state.today().minusDays(7));
    }

    @Givet("att patienten {string} har ett frikort som är {word}")
    public void hasCard(String patient, String status) {
        String person = ScenarioState.digitsOnly(patient);
        LocalDate today = state.today();
        switch (status) {
            case "PRELIMINARY" -> state.setUp().feesPaid(person, CEILING_2025, SetUp.STOCKHOLM, today.minusDays(2));
            case "FINAL" -> {
                // Region Stockholm finalises 48 h after the ceiling was reached: reach it five days ago.
                state.simulator().setDate(today.minusDays(5));
                state.setUp().feesPaid(person, CEILING_2025, SetUp.STOCKHOLM, today.minusDays(5));
                state.simulator().setDate(today);
            }
            default -> throw new IllegalArgumentException("no set-up for a card with status " + status);
        }
    }

    @Givet("att patienten {string} har valt bort e-frikort")
    public void optedOut(String patient) {
        state.setUp().optedOut(ScenarioState.digitsOnly(patient), SetUp.STOCKHOLM);
    }

    @Givet("att regionen {string} kräver opt-in och kassans användare är behörig där")
    public void optInRegion(String region) {
        state.setUp().optInRegion(region);
    }

    @Givet("att e-frikort inte svarar på {word} inom {int} sekunder")
    public void noAnswerWithin(String operation, int seconds) {
        state.simulator().addFault(Map.of("operation", operation, "delayMillis", seconds * 1000, "count", 1));
    }

    @Givet("att e-frikort svarar på {word} först efter {int} sekunder")
    public void slowAnswer(String operation, int seconds) {
        state.simulator().addFault(Map.of("operation", operation, "delayMillis", seconds * 1000, "count", 1));
    }

    @Givet("att e-frikort svarar {word} med texten {string} på {word}")
    public void resultAnswer(String resultCode, String text, String operation) {
        state.simulator().addFault(Map.of("operation", operation, "resultCode", resultCode, "resultText", text, "count", 1));
    }

    @Givet("att e-frikort svarar med ett SOAP-fel {string} på {word}")
    public void soapFault(String text, String operation) {
        state.simulator().addFault(Map.of("operation", operation, "soapFaultString", text, "count", 1));
    }

    private Map<String, Object> user(String carePrincipal, String employee) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("carePrincipal", carePrincipal);
        p.put("careProvider", SetUp.CARE_PROVIDER);
        p.put("unit", SetUp.CARE_UNIT);
        p.put("employee", employee);
        p.put("today", state.today().toString());
        return p;
    }

    @När("kassan slår upp frikortet för patient {string}")
    public void lookUp(String patient) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", patient);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.lookup-card", p, "Slå upp frikortet för patient " + patient, "GetCardForPerson");
    }

    private void visit(String employee, String carePrincipal, String patient, LocalDate date, String visitType, int fee) {
        Map<String, Object> p = user(carePrincipal, employee);
        p.put("patient", patient);
        p.put("date", date.toString());
        p.put("fee", fee);
        p.put("visitType", visitType);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.register-visit", p, "Ta betalt " + fee + " kr för " + visitType + " av patient " + patient
                + " med besöksdatum " + date, "NO_SHOW".equals(visitType) || fee == 0 ? null : "GetCardForPerson");
    }

    @När("kassan tar betalt för {besök} av patient {string} med avgiften {int} kr")
    public void chargeVisit(String visitType, String patient, int fee) {
        visit(SetUp.EMPLOYEE, SetUp.STOCKHOLM, patient, state.today(), visitType, fee);
    }

    @Givet("att kassan har tagit betalt för ett besök av patient {string} med avgiften {int} kr")
    public void hasCharged(String patient, int fee) {
        visit(SetUp.EMPLOYEE, SetUp.STOCKHOLM, patient, state.today(), "VISIT", fee);
        if (state.transactionId().isEmpty() && state.lastAnswer().known()) {
            throw new IllegalStateException("the vendor registered the fee but reported no transactionId");
        }
    }

    @När("kassan tar betalt för ett besök av patient {string} den {string} med avgiften {int} kr")
    public void chargeVisitOn(String patient, String date, int fee) {
        visit(SetUp.EMPLOYEE, SetUp.STOCKHOLM, patient, LocalDate.parse(date), "VISIT", fee);
    }

    @När("kassan tar betalt för ett besök av patient {string} i regionen {string} med avgiften {int} kr")
    public void chargeVisitIn(String patient, String region, int fee) {
        visit(SetUp.EMPLOYEE, region, patient, state.today(), "VISIT", fee);
    }

    @När("användaren {string} tar betalt för ett besök av patient {string} med avgiften {int} kr")
    public void chargeVisitAs(String employee, String patient, int fee) {
        visit(employee, SetUp.STOCKHOLM, patient, state.today(), "VISIT", fee);
    }

    @När("kassan tar emot ett avgiftsfritt besök av patient {string}")
    public void freeVisit(String patient) {
        visit(SetUp.EMPLOYEE, SetUp.STOCKHOLM, patient, state.today(), "FREE_VISIT", 0);
    }

    @När("kassan rättar avgiften till {int} kr med orsaken {string}")
    public void correctFee(int amount, String reason) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("transactionId", state.transactionId().orElse(""));
        p.put("amount", amount);
        p.put("reason", reason);
        state.act("efrikort.correct-fee", p, "Rätta den senaste avgiften till " + amount + " kr, orsak: " + reason,
                "UpdateTransaction");
    }

    @När("kassan makulerar avgiften med orsaken {string}")
    public void cancelFee(String reason) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("transactionId", state.transactionId().orElse(""));
        p.put("reason", reason);
        state.act("efrikort.cancel-fee", p, "Makulera den senaste avgiften, orsak: " + reason, "DeleteTransaction");
    }

    @Givet("att kassan har registrerat frikortet {string} från en annan region för patient {string} giltigt från {string}")
    @När("kassan registrerar frikortet {string} från en annan region för patient {string} giltigt från {string}")
    public void registerCard(String cardNumber, String patient, String validFrom) {
        String reason = "VALID_CARD";
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", patient);
        p.put("cardId", cardNumber);
        p.put("validFrom", validFrom);
        p.put("reason", reason);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.register-card", p, "Registrera frikortet " + cardNumber + " från en annan region för patient "
                + patient + " giltigt från " + validFrom, "RegisterCard");
    }

    @När("kassan ändrar frikortets giltighet för patient {string} till {string} – {string}")
    public void updateCard(String patient, String validFrom, String validTo) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", patient);
        p.put("cardId", state.cardId().orElse(""));
        p.put("validFrom", validFrom);
        p.put("validTo", validTo);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.update-card", p, "Ändra frikortets giltighet för patient " + patient + " till "
                + validFrom + " – " + validTo, "UpdateCard");
    }

    @När("kassan beställer ett nytt frikort för patient {string}")
    public void orderCard(String patient) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", patient);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.order-card", p, "Beställ ett nytt frikort för patient " + patient, "OrderNewCard");
    }

    @När("kassan registrerar patienten {string}s samtycke till läsning")
    public void readConsent(String patient) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", patient);
        p.put("consent", true);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.read-consent", p, "Registrera patient " + patient + "s samtycke till läsning",
                "UpdateReadConsent");
    }

    @När("kassan grupperar barnet {string} med {string}")
    public void group(String child, String guardian) {
        Map<String, Object> p = user(SetUp.STOCKHOLM, SetUp.EMPLOYEE);
        p.put("patient", child);
        p.put("guardian", guardian);
        p.put("cardType", "CARE_VISIT");
        state.act("efrikort.group", p, "Gruppera barnet " + child + " med " + guardian, "GroupPerson");
    }

    @Så("har patienten betalat {int} kr")
    public void charged(int amount) {
        DriverAnswer a = state.lastAnswer();
        BigDecimal charged = a.field("charged").map(n -> n.decimalValue()).orElseThrow(() ->
                CheckFailure.rule(state.itemId(), "systemet svarade utan charged: " + a.body()));
        if (charged.compareTo(ScenarioState.kronor(amount)) != 0) {
            throw CheckFailure.rule(state.itemId(), "patienten fick betala " + charged.toPlainString()
                    + " kr, regeln ger " + amount + " kr (visat: \"" + a.shown() + "\")");
        }
    }

    @Så("visar kassan att patienten har frikort med status {word}")
    public void showsFrikort(String status) {
        DriverAnswer a = state.lastAnswer();
        boolean frikort = a.field("frikort").map(n -> n.asBoolean()).orElse(false);
        String shownStatus = a.text("cardStatus").orElse("(inget)");
        if (!frikort || !status.equals(shownStatus)) {
            throw CheckFailure.rule(state.itemId(), "systemet visade frikort=" + frikort + " med status " + shownStatus
                    + "; ett " + status + "-kort är ett giltigt frikort (visat: \"" + a.shown() + "\")");
        }
    }

    @Så("har kassan/journalsystemet visat texten {string}")
    public void shownText(String text) {
        DriverAnswer a = state.lastAnswer();
        if (!a.shown().contains(text)) {
            throw CheckFailure.rule(state.itemId(), "användaren fick se \"" + a.shown() + "\", inte tjänstens resultText \""
                    + text + "\"");
        }
    }

    @Så("har kassan/journalsystemet visat ett meddelande")
    public void shownSomething() {
        DriverAnswer a = state.lastAnswer();
        if (a.shown().isBlank()) {
            throw CheckFailure.rule(state.itemId(), "användaren fick inget meddelande om vad tjänsten svarade");
        }
    }

    @Så("rapporterade kassan/journalsystemet att anropet misslyckades")
    public void reportedFailure() {
        DriverAnswer a = state.lastAnswer();
        if (!"failed".equals(a.outcome()) || a.shown().isBlank()) {
            throw CheckFailure.rule(state.itemId(), "systemet svarade outcome=" + a.outcome() + ", visat \"" + a.shown()
                    + "\"; ett fel från tjänsten ska rapporteras till användaren");
        }
    }

    @Så("visar kassan inte avgiften som registrerad")
    public void notShownAsRegistered() {
        DriverAnswer a = state.lastAnswer();
        if (a.field("registered").map(n -> n.asBoolean()).orElse(false)) {
            throw CheckFailure.rule(state.itemId(), "systemet visar avgiften som registrerad fast tjänsten svarade med ett fel");
        }
    }

    @Så("svarade kassan inom {int} sekunder")
    public void answeredWithin(int seconds) {
        DriverAnswer a = state.lastAnswer();
        if (a.elapsed().toMillis() > seconds * 1000L) {
            throw CheckFailure.transport(state.itemId(), "systemet blev klart efter " + a.elapsed().toMillis()
                    + " ms; gränsen är " + seconds + " s");
        }
    }

    @Men("kassan går att använda igen: en ny uppslagning för patient {string} lyckas")
    public void usableAgain(String patient) {
        lookUp(patient);
        DriverAnswer a = state.lastAnswer();
        if (!"done".equals(a.outcome())) {
            throw CheckFailure.rule(state.itemId(), "efter tidsgränsen lyckades inte nästa uppslagning: outcome="
                    + a.outcome() + ", visat \"" + a.shown() + "\"");
        }
    }

    @Så("har kassan registrerat {int} kr med RegisterTransaction")
    public void registered(int kronor) {
        BigDecimal amount = ScenarioState.kronor(kronor);
        List<JournalEntry> ok = state.vendorExchanges("RegisterTransaction").stream()
                .filter(e -> "OK".equals(e.resultCode()) || "INFO".equals(e.resultCode())).toList();
        if (ok.isEmpty()) {
            throw CheckFailure.rule(state.itemId(), "ingen avgift registrerades (RegisterTransaction besvarad OK): "
                    + state.vendorExchanges().stream().map(e -> e.operation() + "=" + e.resultCode()).toList());
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JournalEntry e : ok) {
            sum = sum.add(ExchangeSteps.element(state, e, "amount").map(BigDecimal::new).orElse(BigDecimal.ZERO));
        }
        if (sum.compareTo(amount) != 0) {
            throw CheckFailure.rule(state.itemId(), "systemet registrerade " + sum.toPlainString() + " kr, regeln ger "
                    + amount.toPlainString() + " kr");
        }
    }

    @Så("har kassan inte registrerat någon avgift")
    public void registeredNothing() {
        List<JournalEntry> ok = state.vendorExchanges("RegisterTransaction").stream()
                .filter(e -> "OK".equals(e.resultCode())).toList();
        if (!ok.isEmpty()) {
            throw CheckFailure.rule(state.itemId(), "systemet registrerade en avgift (trace " + ok.get(0).traceId() + ")");
        }
    }
}
