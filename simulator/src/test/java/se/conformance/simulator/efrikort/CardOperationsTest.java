package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.Commands.PersonCardQuery;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.EfrikortSeed.OptOutHandling;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.ExportType;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;

/** The queries and the card operations: RegisterCard, UpdateCard, DeleteCard, OrderNewCard. */
class CardOperationsTest extends ServiceTestBase {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 2, 28);

    // --- queries ---------------------------------------------------------------------------------

    @Test
    void aPersonWithoutFeesHasNoCard() {
        assertThat(card(ADULT)).isNull();
        assertThat(extended(ADULT)).isNull();
        assertThat(allCards(ADULT)).isEmpty();
    }

    @Test
    void queriesRefuse() {
        assertRefused(service.getCardForPerson(new PersonCardQuery("SE999", ADULT, CARE_VISIT, null)),
                ResultCode.VALIDATION_ERROR, "carePrincipalId SE999: okänd vårdhuvudman");
        assertRefused(service.getCardForPerson(new PersonCardQuery(STOCKHOLM, "19121212-1212", CARE_VISIT, null)),
                ResultCode.VALIDATION_ERROR, "personId 19121212-1212: endast siffror, utan bindestreck eller plustecken");
        assertRefused(service.getExtendedCardForPerson(new PersonCardQuery(STOCKHOLM, ADULT, "X", null)),
                ResultCode.VALIDATION_ERROR, "cardTypeId X: okänd korttyp");
        assertRefused(service.getExtendedCardsForPerson(new PersonCardQuery(STOCKHOLM, ADULT, null, null)),
                ResultCode.VALIDATION_ERROR, "cardTypeId saknas");
        assertRefused(service.getGroupForPerson(new PersonCardQuery(null, ADULT, CARE_VISIT, null)),
                ResultCode.VALIDATION_ERROR, "carePrincipalId saknas");
    }

    @Test
    void queriesAnswerOptInRequiredInAnOptInRegion() {
        seed.putRegion(new Region("SE2321000000-OPTIN", "Opt-in-regionen", ConsentModel.OPT_IN, Duration.ZERO,
                OptOutHandling.DELETE, JdbcEfrikortSeed.DEFAULT_CEILINGS));
        PersonCardQuery query = new PersonCardQuery("SE2321000000-OPTIN", ADULT, CARE_VISIT, null);

        assertRefused(service.getCardForPerson(query), ResultCode.OPTINREQUIRED, "saknar registrerat samtycke (opt-in)");
        assertRefused(service.getExtendedCardForPerson(query), ResultCode.OPTINREQUIRED, "RegisterOptIn");
        assertRefused(service.getExtendedCardsForPerson(query), ResultCode.OPTINREQUIRED, "RegisterOptIn");
        assertRefused(service.getGroupForPerson(query), ResultCode.OPTINREQUIRED, "RegisterOptIn");
    }

    @Test
    void extendedCardsListCurrentAndHistory() {
        clock.setDate(LocalDate.of(2024, 1, 10));
        registered(ADULT, "2024-01-10", "1400");
        clock.setDate(TODAY);
        registered(ADULT, "2025-03-01", "300");

        List<Model.ExtendedCardView> cards = allCards(ADULT);

        assertThat(cards).extracting(c -> c.card().status()).containsExactly(CardStatus.BELOW_LIMIT, CardStatus.EXPIRED);
        assertThat(cards.get(0).transactions()).hasSize(1);
        assertThat(cards.get(1).transactions()).hasSize(1);
        assertThat(cards.get(1).card().endDate()).isEqualTo(LocalDate.of(2025, 1, 9));
        assertThat(cards.get(1).exportStatus()).extracting(Model.ExportStatus::exportType).containsExactly(ExportType.CARD);
    }

    // --- RegisterCard ----------------------------------------------------------------------------

    @Test
    void aValidCardFromAnotherRegionIsRegisteredWithItsNumber() {
        Answer<CardView> answer = service.registerCard(registerCard(ADULT, "SÖ-778899", false, CardReason.VALID_CARD));

        assertOk(answer);
        CardView card = answer.value();
        assertThat(card.cardId()).isEqualTo("SÖ-778899");
        assertThat(card.cardReason()).isEqualTo(CardReason.VALID_CARD);
        assertThat(card.status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.startDate()).isEqualTo(FROM);
        assertThat(card.preliminaryCardDate()).isEqualTo(FROM);
        assertThat(card.endDate()).isEqualTo(TO);
        assertThat(card.currentAmount()).isEqualByComparingTo("0");
        assertThat(card.amountToLimit()).isEqualByComparingTo("0");
        assertThat(card(ADULT)).isEqualTo(card);

        registered(ADULT, "2025-03-05", "200");
        assertThat(card(ADULT).amountToLimit()).as("a fee on a registered frikort is an overcharge")
                .isEqualByComparingTo("-200");
    }

    @Test
    void aMedicalCardGetsANewNumberAndIsFinalAtOnceInNorrbotten() {
        Commands.RegisterCard command = new Commands.RegisterCard(NORRBOTTEN, ADULT, CARE_VISIT, FROM, TO, "ignored",
                false, CardReason.MEDICAL, ACTOR);

        CardView card = service.registerCard(command).value();

        assertThat(card.cardId()).matches("\\d{9}");
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.cardReason()).isEqualTo(CardReason.MEDICAL);
    }

    @Test
    void registerCardNeedsExtendExistingWhenAPersonHasACard() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "200");

        assertRefused(service.registerCard(registerCard(ADULT, "A-1", false, CardReason.VALID_CARD)), ResultCode.ERROR,
                "personId " + ADULT + " har redan ett kort");

        CardView card = service.registerCard(registerCard(ADULT, "A-1", true, CardReason.VALID_CARD)).value();
        assertThat(card.cardSystemId()).isEqualTo(fee.cardSystemId());
        assertThat(card.cardId()).isEqualTo("A-1");
        assertThat(card.status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.currentAmount()).isEqualByComparingTo("200");
        assertThat(card.amountToLimit()).isEqualByComparingTo("-200");
    }

    @Test
    void registerCardAfterAnExpiredCardStartsANewOne() {
        clock.setDate(LocalDate.of(2024, 1, 10));
        registered(ADULT, "2024-01-10", "1400");
        clock.setDate(TODAY);

        assertOk(service.registerCard(registerCard(ADULT, null, false, CardReason.MEDICAL)));

        assertThat(allCards(ADULT)).extracting(c -> c.card().status())
                .containsExactly(CardStatus.PRELIMINARY, CardStatus.EXPIRED);
    }

    @Test
    void registerCardRefuses() {
        assertRefused(service.registerCard(registerCard(ADULT, null, false, CardReason.VALID_CARD)),
                ResultCode.VALIDATION_ERROR, "cardId krävs när cardReason är VALID_CARD");
        assertRefused(service.registerCard(new Commands.RegisterCard(STOCKHOLM, ADULT, CARE_VISIT, FROM,
                FROM.plusYears(1), null, false, CardReason.MEDICAL, ACTOR)), ResultCode.VALIDATION_ERROR,
                "endDate 2026-03-01: längre än 12 månader");
        assertRefused(service.registerCard(new Commands.RegisterCard(STOCKHOLM, ADULT, CARE_VISIT, FROM, TO, null, false,
                CardReason.MEDICAL, new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))), ResultCode.ACCESSDENIED,
                "saknar rollen EFK;Användare");
        assertOk(service.registerCard(registerCard(OTHER_ADULT, "TAKEN-1", false, CardReason.VALID_CARD)));
        assertRefused(service.registerCard(registerCard(ADULT, "TAKEN-1", false, CardReason.VALID_CARD)),
                ResultCode.ERROR, "cardId TAKEN-1: används redan av ett annat kort hos vårdhuvudman " + STOCKHOLM);
        assertThat(card(ADULT)).isNull();
    }

    // --- UpdateCard ------------------------------------------------------------------------------

    @Test
    void aPreliminaryCardWithoutTransactionsCanChangeEverything() {
        CardView card = service.registerCard(registerCard(ADULT, "OLD-1", false, CardReason.VALID_CARD)).value();

        assertOk(service.updateCard(new Commands.UpdateCard(STOCKHOLM, card.cardSystemId(), "NEW-1",
                LocalDate.of(2025, 2, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2025, 2, 15), ACTOR)));

        CardView updated = card(ADULT);
        assertThat(updated.cardId()).isEqualTo("NEW-1");
        assertThat(updated.startDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(updated.preliminaryCardDate()).isEqualTo(LocalDate.of(2025, 2, 15));
        assertThat(updated.endDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(updated.status()).isEqualTo(CardStatus.PRELIMINARY);
    }

    @Test
    void aPreliminaryCardWithTransactionsCanChangeOnlyItsNumber() {
        registered(ADULT, "2025-03-01", "1450");
        CardView card = card(ADULT);

        assertRefused(service.updateCard(updateCard(card, card.cardId(), card.endDate().minusDays(1))), ResultCode.ERROR,
                "kortet är preliminärt (PRELIMINARY) och har avgifter; endast cardId kan ändras");
        assertOk(service.updateCard(updateCard(card, "PAPER-9", card.endDate())));

        assertThat(card(ADULT).cardId()).isEqualTo("PAPER-9");
        assertThat(card(ADULT).endDate()).isEqualTo(card.endDate());
    }

    @Test
    void aFinalCardWithTransactionsCannotChange() {
        registered(ADULT, "2025-03-01", "1450");
        clock.advance(Duration.ofHours(48));
        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);

        assertRefused(service.updateCard(updateCard(card, "PAPER-9", card.endDate())), ResultCode.ERROR,
                "kortet är slutgiltigt (FINAL) och har avgifter; det kan inte ändras");
    }

    @Test
    void aFinalCardWithoutTransactionsCanChangeOnlyItsValidityWithinThePeriod() {
        CardView card = service.registerCard(new Commands.RegisterCard(NORRBOTTEN, ADULT, CARE_VISIT, FROM,
                LocalDate.of(2025, 12, 31), "N-1", false, CardReason.VALID_CARD, ACTOR)).value();
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);

        assertOk(service.updateCard(new Commands.UpdateCard(NORRBOTTEN, card.cardSystemId(), "N-1", FROM, TO,
                LocalDate.of(2025, 3, 5), ACTOR)));
        assertRefused(service.updateCard(new Commands.UpdateCard(NORRBOTTEN, card.cardSystemId(), "N-1", FROM,
                TO.plusDays(1), LocalDate.of(2025, 3, 5), ACTOR)), ResultCode.VALIDATION_ERROR,
                "endDate 2026-03-01: utanför 12-månadersperioden från startDate 2025-03-01 (senast 2026-02-28)");
        assertRefused(service.updateCard(new Commands.UpdateCard(NORRBOTTEN, card.cardSystemId(), "N-2", FROM, TO,
                LocalDate.of(2025, 3, 5), ACTOR)), ResultCode.ERROR, "endast giltighetsdatumen");

        CardView updated = card(NORRBOTTEN, ADULT);
        assertThat(updated.preliminaryCardDate()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(updated.endDate()).isEqualTo(TO);
        assertThat(updated.status()).isEqualTo(CardStatus.FINAL);
    }

    @Test
    void updateCardRefuses() {
        registered(ADULT, "2025-03-01", "200");
        CardView below = card(ADULT);

        assertRefused(service.updateCard(new Commands.UpdateCard(STOCKHOLM, below.cardSystemId(), below.cardId(), FROM, TO,
                FROM, ACTOR)), ResultCode.ERROR, "kortet har status BELOW_LIMIT");
        assertRefused(service.updateCard(new Commands.UpdateCard(STOCKHOLM, "no-such-card", "X", FROM, TO, FROM, ACTOR)),
                ResultCode.ERROR, "cardSystemId no-such-card: inget sådant kort hos vårdhuvudman " + STOCKHOLM);
        assertRefused(service.updateCard(new Commands.UpdateCard(NORRBOTTEN, below.cardSystemId(), "X", FROM, TO, FROM,
                ACTOR)), ResultCode.ERROR, "inget sådant kort hos vårdhuvudman " + NORRBOTTEN);
        assertRefused(service.updateCard(new Commands.UpdateCard(STOCKHOLM, below.cardSystemId(), "X", FROM, TO, FROM,
                new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))), ResultCode.ACCESSDENIED, "saknar rollen");
    }

    @Test
    void updateCardRefusesANumberInUse() {
        service.registerCard(registerCard(OTHER_ADULT, "USED-1", false, CardReason.VALID_CARD));
        CardView card = service.registerCard(registerCard(ADULT, "MINE-1", false, CardReason.VALID_CARD)).value();

        assertRefused(service.updateCard(updateCard(card, "USED-1", card.endDate())), ResultCode.ERROR,
                "cardId USED-1: används redan");
    }

    // --- DeleteCard --------------------------------------------------------------------------------

    @Test
    void deleteCardRemovesACardWithoutFees() {
        CardView card = service.registerCard(registerCard(ADULT, "DEL-1", false, CardReason.VALID_CARD)).value();

        assertOk(service.deleteCard(new Commands.DeleteCard(STOCKHOLM, card.cardSystemId(), ACTOR)));

        assertThat(card(ADULT)).isNull();
        assertRefused(service.deleteCard(new Commands.DeleteCard(STOCKHOLM, card.cardSystemId(), ACTOR)),
                ResultCode.ERROR, "inget sådant kort");
    }

    @Test
    void deleteCardRefusesACardWithFees() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "200");

        assertRefused(service.deleteCard(new Commands.DeleteCard(STOCKHOLM, fee.cardSystemId(), ACTOR)),
                ResultCode.ERROR, "kortet har avgifter; makulera dem först (DeleteTransaction)");
        assertRefused(service.deleteCard(new Commands.DeleteCard(STOCKHOLM, fee.cardSystemId(),
                new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))), ResultCode.ACCESSDENIED, "saknar rollen");

        assertOk(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null, ACTOR)));
        assertOk(service.deleteCard(new Commands.DeleteCard(STOCKHOLM, fee.cardSystemId(), ACTOR)));
        assertThat(card(ADULT)).isNull();
        registered(ADULT, "2025-03-02", "100");
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("100");
    }

    // --- OrderNewCard ------------------------------------------------------------------------------

    @Test
    void aPhysicalCardCanBeOrderedForAFinalCard() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "1450");
        Commands.OrderNewCard order = new Commands.OrderNewCard(STOCKHOLM, ADULT, fee.cardSystemId(), ACTOR);

        assertRefused(service.orderNewCard(order), ResultCode.ERROR,
                "kortet har status PRELIMINARY; ett nytt kort kan bara beställas för ett slutgiltigt (FINAL) kort");
        clock.advance(Duration.ofHours(48));
        assertOk(service.orderNewCard(order));

        assertThat(extended(ADULT).exportStatus())
                .extracting(Model.ExportStatus::personId, Model.ExportStatus::exportType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ADULT, ExportType.CARD),
                        org.assertj.core.groups.Tuple.tuple(ADULT, ExportType.CARD));
        assertThat(extended(ADULT).exportStatus().get(1).dateTime()).isEqualTo(TODAY.plusDays(2).atTime(8, 0));
    }

    @Test
    void orderNewCardRefuses() {
        TransactionReceipt fee = registered(NORRBOTTEN, ADULT, "2025-03-01", "1450");

        assertRefused(service.orderNewCard(new Commands.OrderNewCard(NORRBOTTEN, CHILD, fee.cardSystemId(), ACTOR)),
                ResultCode.ERROR, "personId " + CHILD + " finns inte på kortet");
        assertRefused(service.orderNewCard(new Commands.OrderNewCard(NORRBOTTEN, ADULT, "nope", ACTOR)),
                ResultCode.ERROR, "cardSystemId nope: inget sådant kort");
        assertRefused(service.orderNewCard(new Commands.OrderNewCard(NORRBOTTEN, "1912", fee.cardSystemId(), ACTOR)),
                ResultCode.VALIDATION_ERROR, "personId 1912:");
        assertOk(service.orderNewCard(new Commands.OrderNewCard(NORRBOTTEN, ADULT, fee.cardSystemId(), ACTOR)));
    }

    private static Commands.RegisterCard registerCard(String person, String cardId, boolean extend, CardReason reason) {
        return new Commands.RegisterCard(STOCKHOLM, person, CARE_VISIT, FROM, TO, cardId, extend, reason, ACTOR);
    }

    private static Commands.UpdateCard updateCard(CardView card, String cardId, LocalDate end) {
        return new Commands.UpdateCard(STOCKHOLM, card.cardSystemId(), cardId, card.startDate(), end,
                card.preliminaryCardDate(), ACTOR);
    }
}
