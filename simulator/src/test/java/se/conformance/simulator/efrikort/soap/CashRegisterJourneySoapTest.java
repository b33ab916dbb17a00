package se.conformance.simulator.efrikort.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.ADULT;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.NORRBOTTEN;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.STOCKHOLM;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.at;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.child;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.children;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.fee;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.inRegion;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.personnummer;
import static se.conformance.simulator.efrikort.soap.EfrikortSoapClient.request;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import se.conformance.simulator.efrikort.soap.EfrikortSoapClient.Exchange;
import se.conformance.simulator.efrikort.soap.EfrikortSoapClient.Reply;

/**
 * What a vendor's cash register goes through with one patient, over real HTTP, with the exact
 * figures of the XML it is answered: fees up to Stockholm's 2025 ceiling of 1 450 kr, the
 * preliminary card that becomes final after 48 hours, an overcharge, corrections, Norrbotten's
 * immediately final card, the card's expiry and the next period; and the journal of it all.
 */
class CashRegisterJourneySoapTest {

    private static EfrikortSoapClient client;

    @BeforeAll
    static void start() {
        client = new EfrikortSoapClient();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void reset() {
        client.resetAt("2025-03-01");
    }

    @Test
    void feesReachTheCeilingAndThePreliminaryCardBecomesFinalAfter48Hours() {
        String cardSystemId = client.registered(ADULT, "400.0").value("cardSystemId");
        assertThat(client.registered(ADULT, "400.0").value("cardSystemId")).isEqualTo(cardSystemId);
        assertThat(client.registered(ADULT, "400.0").value("cardSystemId")).isEqualTo(cardSystemId);

        Element below = card(client.card(ADULT));
        assertThat(at(below, "status")).isEqualTo("BELOW_LIMIT");
        assertThat(at(below, "currentAmount")).isEqualTo("1200.0");
        assertThat(at(below, "amountToLimit")).isEqualTo("250.0");
        assertThat(at(below, "startDate")).isEqualTo("2025-03-01");
        assertThat(at(below, "preliminaryCardDate")).isNull();
        assertThat(at(below, "finalCardDate")).isNull();
        assertThat(at(below, "endDate")).isNull();

        // the crossing visit: the cash register charges only what remains to the ceiling
        Reply crossing = client.registered(ADULT, "250.0");
        assertThat(crossing.value("cardSystemId")).isEqualTo(cardSystemId);

        Element preliminary = card(client.card(ADULT));
        assertThat(at(preliminary, "cardSystemId")).isEqualTo(cardSystemId);
        assertThat(at(preliminary, "status")).isEqualTo("PRELIMINARY");
        assertThat(at(preliminary, "currentAmount")).isEqualTo("1450.0");
        assertThat(at(preliminary, "amountToLimit")).isEqualTo("0.0");
        assertThat(at(preliminary, "startDate")).isEqualTo("2025-03-01");
        assertThat(at(preliminary, "preliminaryCardDate")).isEqualTo("2025-03-01");
        assertThat(at(preliminary, "endDate")).isEqualTo("2026-02-28");
        assertThat(at(preliminary, "finalCardDate")).as("the date it will be final, 48 h after 2025-03-01 08:00")
                .isEqualTo("2025-03-03");
        assertThat(at(preliminary, "cardId")).matches("\\d{9}");
        assertThat(at(preliminary, "persons/id")).isEqualTo(ADULT);
        assertThat(at(preliminary, "carePrincipal/name")).isEqualTo("Region Stockholm");
        assertThat(at(preliminary, "cardType/id")).isEqualTo("CARE_VISIT");
        assertThat(exports(extended(client.extendedCard(ADULT))))
                .containsExactly(tuple(ADULT, "CARD", "2025-03-01T08:00:00"));

        client.advance(Duration.ofHours(47));
        assertThat(at(card(client.card(ADULT)), "status")).as("after 47 h").isEqualTo("PRELIMINARY");

        client.advance(Duration.ofHours(1));
        Element fin = card(client.card(ADULT));
        assertThat(at(fin, "status")).as("after 48 h").isEqualTo("FINAL");
        assertThat(at(fin, "finalCardDate")).isEqualTo("2025-03-03");
        assertThat(at(fin, "currentAmount")).isEqualTo("1450.0");
        assertThat(at(fin, "amountToLimit")).isEqualTo("0.0");
        assertThat(at(fin, "endDate")).isEqualTo("2026-02-28");
    }

    @Test
    void aCashRegisterChargingTheWholeFeeOnTheCrossingVisitOvercharges() {
        client.registered(ADULT, "400.0");
        client.registered(ADULT, "400.0");
        client.registered(ADULT, "400.0");

        client.registered(ADULT, "400.0");

        Element ext = extended(client.extendedCard(ADULT));
        assertThat(at(ext, "card/status")).isEqualTo("PRELIMINARY");
        assertThat(at(ext, "card/currentAmount")).isEqualTo("1600.0");
        assertThat(at(ext, "card/amountToLimit")).isEqualTo("-150.0");
        assertThat(exports(ext)).extracting(t -> t.toList().get(1)).containsExactly("CARD", "OVERCHARGED");
    }

    @Test
    void aFeeOnAFinalCardIsAnOverchargeAndCorrectionsChangeTheSumsAndTheVersions() {
        Reply first = client.registered(ADULT, "400.0");
        client.registered(ADULT, "400.0");
        client.registered(ADULT, "400.0");
        client.registered(ADULT, "250.0");
        client.advance(Duration.ofHours(48));
        assertThat(at(card(client.card(ADULT)), "status")).isEqualTo("FINAL");

        Reply over = client.ok(fee(ADULT, "100.0").with("transactionDate", "2025-03-03"));
        assertThat(over.value("cardSystemId")).isEqualTo(first.value("cardSystemId"));
        String overId = over.value("transactionId");

        Element overcharged = extended(client.extendedCard(ADULT));
        assertThat(at(overcharged, "card/status")).isEqualTo("FINAL");
        assertThat(at(overcharged, "card/currentAmount")).isEqualTo("1550.0");
        assertThat(at(overcharged, "card/amountToLimit")).isEqualTo("-100.0");
        assertThat(exports(overcharged)).containsExactly(tuple(ADULT, "CARD", "2025-03-01T08:00:00"),
                tuple(ADULT, "OVERCHARGED", "2025-03-03T08:00:00"));

        // UpdateTransaction: a new ACTIVE version under the same id, the old one UPDATED with the reason
        Reply updated = client.ok(request("UpdateTransaction").with("transactionId", overId)
                .with("transactionDate", "2025-03-03").with("amount", "60.0").with("updateReason", "Fel belopp"));
        assertThat(updated.value("transactionId")).isEqualTo(overId);
        assertThat(updated.value("cardSystemId")).isEqualTo(first.value("cardSystemId"));

        Element corrected = extended(client.extendedCard(ADULT));
        assertThat(at(corrected, "card/currentAmount")).isEqualTo("1510.0");
        assertThat(at(corrected, "card/amountToLimit")).isEqualTo("-60.0");
        assertThat(transactions(corrected)).filteredOn(t -> t.get("transactionId").equals(overId))
                .extracting(t -> t.get("status"), t -> t.get("amount"), t -> t.get("statusReason"))
                .containsExactly(tuple("UPDATED", "100.0", "Fel belopp"), tuple("ACTIVE", "60.0", null));
        assertThat(exports(corrected)).extracting(t -> t.toList().get(1))
                .containsExactly("CARD", "OVERCHARGED", "OVERCHARGED");

        // DeleteTransaction: the ACTIVE version becomes DELETED with the reason and no longer counts
        client.ok(request("DeleteTransaction").with("transactionId", first.value("transactionId"))
                .with("deleteReason", "Registrerad på fel patient"));

        Element deleted = extended(client.extendedCard(ADULT));
        assertThat(at(deleted, "card/status")).as("a final card keeps its status").isEqualTo("FINAL");
        assertThat(at(deleted, "card/currentAmount")).isEqualTo("1110.0");
        assertThat(at(deleted, "card/amountToLimit")).isEqualTo("340.0");
        assertThat(at(deleted, "card/startDate")).isEqualTo("2025-03-01");
        assertThat(at(deleted, "card/endDate")).isEqualTo("2026-02-28");
        List<Map<String, String>> rows = transactions(deleted);
        assertThat(rows).extracting(t -> t.get("status"), t -> t.get("amount"))
                .containsExactly(tuple("DELETED", "400.0"), tuple("ACTIVE", "400.0"), tuple("ACTIVE", "400.0"),
                        tuple("ACTIVE", "250.0"), tuple("UPDATED", "100.0"), tuple("ACTIVE", "60.0"));
        assertThat(rows.get(0).get("statusReason")).isEqualTo("Registrerad på fel patient");
        assertThat(rows.get(0).get("transactionId")).isEqualTo(first.value("transactionId"));
        BigDecimal activeSum = rows.stream().filter(t -> "ACTIVE".equals(t.get("status")))
                .map(t -> new BigDecimal(t.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(activeSum).isEqualByComparingTo(at(deleted, "card/currentAmount"));

        Reply again = client.expect("ERROR", request("DeleteTransaction").with("transactionId",
                first.value("transactionId")));
        assertThat(again.text()).contains("avgiften är makulerad (DELETED)");
    }

    @Test
    void norrbottenCardIsFinalAtOnce() {
        client.ok(inRegion(fee(ADULT, "400.0"), NORRBOTTEN));
        client.ok(inRegion(fee(ADULT, "400.0"), NORRBOTTEN));
        client.ok(inRegion(fee(ADULT, "400.0"), NORRBOTTEN));
        Element below = card(client.ok(inRegion(request("GetCardForPerson"), NORRBOTTEN)));
        assertThat(at(below, "status")).isEqualTo("BELOW_LIMIT");
        assertThat(at(below, "amountToLimit")).isEqualTo("250.0");

        client.ok(inRegion(fee(ADULT, "250.0"), NORRBOTTEN));

        Element fin = card(client.ok(inRegion(request("GetCardForPerson"), NORRBOTTEN)));
        assertThat(at(fin, "status")).isEqualTo("FINAL");
        assertThat(at(fin, "currentAmount")).isEqualTo("1450.0");
        assertThat(at(fin, "amountToLimit")).isEqualTo("0.0");
        assertThat(at(fin, "preliminaryCardDate")).isEqualTo("2025-03-01");
        assertThat(at(fin, "finalCardDate")).isEqualTo("2025-03-01");
        assertThat(at(fin, "endDate")).isEqualTo("2026-02-28");
        assertThat(at(fin, "carePrincipal/id")).isEqualTo(NORRBOTTEN);
        assertThat(at(fin, "carePrincipal/name")).isEqualTo("Region Norrbotten");
        assertThat(client.card(ADULT).value("card")).as("Stockholm has no card: regions do not share cards").isNull();
    }

    @Test
    void afterTheEndDateTheCardIsExpiredAndTheNextFeeStartsANewCard() {
        String old = client.reachTheCeiling(ADULT).value("cardSystemId");
        String oldCardId = at(card(client.card(ADULT)), "cardId");

        client.setDate("2026-02-28");
        assertThat(at(card(client.card(ADULT)), "status")).as("valid on its end date").isEqualTo("FINAL");

        client.setDate("2026-03-01");
        Element expired = card(client.card(ADULT));
        assertThat(at(expired, "status")).isEqualTo("EXPIRED");
        assertThat(at(expired, "cardSystemId")).isEqualTo(old);

        String next = client.ok(fee(ADULT, "200.0").with("transactionDate", "2026-03-01")).value("cardSystemId");
        assertThat(next).isNotEqualTo(old);

        Reply history = client.ok(request("GetExtendedCardsForPerson").with("personId", ADULT));
        List<Element> cards = children(child(history.payload(), "getExtendedCardsResultType"), "extendedCard");
        assertThat(cards).hasSize(2);
        Element current = child(cards.get(0), "card");
        assertThat(at(current, "cardSystemId")).isEqualTo(next);
        assertThat(at(current, "status")).isEqualTo("BELOW_LIMIT");
        assertThat(at(current, "currentAmount")).isEqualTo("200.0");
        assertThat(at(current, "amountToLimit")).isEqualTo("1250.0");
        assertThat(at(current, "startDate")).isEqualTo("2026-03-01");
        assertThat(at(current, "cardId")).isNotEqualTo(oldCardId);
        Element past = child(cards.get(1), "card");
        assertThat(at(past, "cardSystemId")).isEqualTo(old);
        assertThat(at(past, "cardId")).isEqualTo(oldCardId);
        assertThat(at(past, "status")).isEqualTo("EXPIRED");
        assertThat(at(past, "currentAmount")).isEqualTo("1450.0");
        assertThat(at(past, "endDate")).isEqualTo("2026-02-28");
        assertThat(at(card(client.card(ADULT)), "cardSystemId")).as("the new card is the current one").isEqualTo(next);
    }

    @Test
    void theJournalRecordsEveryExchangeWithItsOperationAndResultCode() {
        String person = personnummer("19750505246"); // used by no other test, so the journal filter finds only this one
        Reply first = client.registered(person, "400.0");
        client.registered(person, "400.0");
        client.registered(person, "400.0");
        client.registered(person, "250.0");
        client.card(person);
        client.advance(Duration.ofHours(48));
        client.ok(request("OrderNewCard").with("personId", person).with("cardSystemId", first.value("cardSystemId")));
        client.expect("VALIDATION_ERROR", fee(person, "0"));
        client.expect("ACCESSDENIED", fee(person, "100.0").with("employeeId", EMPLOYEE_WITHOUT_ROLE));
        String overId = client.ok(fee(person, "100.0").with("transactionDate", "2025-03-03")).value("transactionId");
        client.ok(request("UpdateTransaction").with("transactionId", overId).with("transactionDate", "2025-03-03")
                .with("amount", "60.0"));
        client.ok(request("DeleteTransaction").with("transactionId", overId));
        client.expect("ERROR", request("DeleteTransaction").with("transactionId", overId));
        client.extendedCard(person);
        client.expect("INFO", request("GroupPerson").with("cardSystemId", first.value("cardSystemId"))
                .with("personId", person));
        client.ok(request("RegisterOptOut").with("personId", person));
        client.expect("OPTOUT", request("GetCardForPerson").with("personId", person));
        List<Exchange> made = client.exchanges();
        assertThat(made).extracting(Exchange::resultCode).contains("OK", "INFO", "ERROR", "VALIDATION_ERROR",
                "ACCESSDENIED", "OPTOUT");

        List<Map<String, Object>> journal = client.control()
                .get("/control/journal?personId=" + person + "&bodies=false&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("entries");
        List<Exchange> withPerson = made.stream().filter(e -> person.equals(e.personId())).toList();
        assertThat(journal).extracting(e -> e.get("traceId"), e -> e.get("operation"), e -> e.get("resultCode"))
                .containsExactlyElementsOf(withPerson.stream()
                        .map(e -> tuple(e.traceId(), e.operation(), e.resultCode())).toList());
        assertThat(journal).allSatisfy(e -> {
            assertThat(e.get("service")).isEqualTo("efrikort");
            assertThat(e.get("carePrincipalId")).isEqualTo(STOCKHOLM);
            assertThat(e.get("httpStatus")).isEqualTo(200);
            assertThat(e.get("validation")).isEqualTo("VALID");
        });
        assertThat(journal.get(0).get("simulatedTime")).isEqualTo("2025-03-01T07:00:00Z");
        assertThat(journal.stream().filter(e -> "OrderNewCard".equals(e.get("operation"))).findFirst().orElseThrow()
                .get("simulatedTime")).as("the simulated clock, 48 h on").isEqualTo("2025-03-03T07:00:00Z");

        // UpdateTransaction and DeleteTransaction name no person; the journal finds them by their trace id
        List<Exchange> withoutPerson = made.stream().filter(e -> e.personId() == null).toList();
        assertThat(withoutPerson).extracting(Exchange::operation)
                .containsExactly("UpdateTransaction", "DeleteTransaction", "DeleteTransaction");
        for (Exchange e : withoutPerson) {
            List<Map<String, Object>> entry = client.control().get("/control/journal?traceId=" + e.traceId())
                    .then().statusCode(200).extract().jsonPath().getList("entries");
            assertThat(entry).singleElement().satisfies(j -> {
                assertThat(j.get("operation")).isEqualTo(e.operation());
                assertThat(j.get("resultCode")).isEqualTo(e.resultCode());
                assertThat(j.get("personId")).isNull();
            });
        }
        assertThat(journal.size() + withoutPerson.size()).isEqualTo(made.size());
    }

    // ---- reading the answers --------------------------------------------------------------------

    /** The card of a GetCardForPerson answer; fails when there is none. */
    private static Element card(Reply reply) {
        Element card = child(child(reply.payload(), "getCardForPersonResultType"), "card");
        assertThat(card).as("a card in %s", reply.body()).isNotNull();
        return card;
    }

    /** The extendedCard of a GetExtendedCardForPerson answer; fails when there is none. */
    private static Element extended(Reply reply) {
        Element ext = child(child(reply.payload(), "getExtendedCardResultType"), "extendedCard");
        assertThat(ext).as("an extendedCard in %s", reply.body()).isNotNull();
        return ext;
    }

    private static List<org.assertj.core.groups.Tuple> exports(Element extendedCard) {
        return children(extendedCard, "exportStatus").stream()
                .map(x -> tuple(at(x, "personId"), at(x, "exportType"), at(x, "dateTime"))).toList();
    }

    private static List<Map<String, String>> transactions(Element extendedCard) {
        return children(extendedCard, "transactions").stream().map(t -> {
            Map<String, String> row = new java.util.HashMap<>();
            for (String field : List.of("transactionId", "personId", "amount", "transactionDate", "status",
                    "statusReason")) {
                row.put(field, at(t, field));
            }
            return row;
        }).toList();
    }
}
