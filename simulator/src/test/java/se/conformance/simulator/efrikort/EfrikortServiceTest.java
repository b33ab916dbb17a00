package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.OTHER_PROVIDER;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.ExportType;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;
import se.conformance.simulator.efrikort.Model.TransactionStatus;
import se.conformance.simulator.efrikort.Model.TransactionView;

/** RegisterTransaction, UpdateTransaction, DeleteTransaction and the card they build, over time. */
class EfrikortServiceTest extends ServiceTestBase {

    // --- RegisterTransaction ---------------------------------------------------------------------

    @Test
    void aFirstFeeCreatesACardBelowTheLimit() {
        TransactionReceipt receipt = registered(ADULT, "2025-03-01", "200");

        assertThat(UUID.fromString(receipt.cardSystemId())).isNotNull();
        assertThat(UUID.fromString(receipt.transactionId())).isNotNull();
        CardView card = card(ADULT);
        assertThat(card.cardSystemId()).isEqualTo(receipt.cardSystemId());
        assertThat(card.status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card.currentAmount()).isEqualByComparingTo("200");
        assertThat(card.amountToLimit()).isEqualByComparingTo("1250");
        assertThat(card.startDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(card.preliminaryCardDate()).isNull();
        assertThat(card.endDate()).isNull();
        assertThat(card.cardId()).matches("\\d{9}");
        assertThat(card.cardTypeName()).isEqualTo("Öppen sjukvård");
        assertThat(card.carePrincipalName()).isEqualTo("Region Stockholm");
        assertThat(card.persons()).extracting(Model.CardPerson::id).containsExactly(ADULT);
    }

    @Test
    void aSecondFeeGoesOnTheSameCard() {
        TransactionReceipt first = registered(ADULT, "2025-03-01", "200");
        TransactionReceipt second = registered(ADULT, "2025-03-05", "300.50");

        assertThat(second.cardSystemId()).isEqualTo(first.cardSystemId());
        assertThat(second.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("500.50");
    }

    @Test
    void anOmittedTransactionDateIsToday() {
        registered(ADULT, null, "200");

        TransactionView fee = extended(ADULT).transactions().get(0);
        assertThat(fee.transactionDate()).isEqualTo(TODAY);
        assertThat(fee.registrationDateTime()).isEqualTo(TODAY.atTime(8, 0));
        assertThat(fee.careProvider()).isEqualTo("Testvårdgivare NMT");
        assertThat(fee.careUnit()).isEqualTo("Testenhet");
        assertThat(fee.status()).isEqualTo(TransactionStatus.ACTIVE);
    }

    @Test
    void aReservnummerAndASamordningsnummerAreAccepted() {
        registered(RESERV, "2025-03-01", "200");
        registered("197010632391", "2025-03-01", "200");

        assertThat(card(RESERV).currentAmount()).isEqualByComparingTo("200");
    }

    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', value = {
            // region            | person          | date       | amount | employee                 | code             | text
            "SE999               | 191212121212    | 2025-03-01 | 200    | TSTNMT2321000156-1079    | VALIDATION_ERROR | carePrincipalId SE999: okänd vårdhuvudman",
            "SE2321000016-39KJ   | 19121212-1212   | 2025-03-01 | 200    | TSTNMT2321000156-1079    | VALIDATION_ERROR | personId 19121212-1212: endast siffror, utan bindestreck eller plustecken",
            "SE2321000016-39KJ   | 191212121213    | 2025-03-01 | 200    | TSTNMT2321000156-1079    | VALIDATION_ERROR | personId 191212121213: felaktig kontrollsiffra",
            "SE2321000016-39KJ   | 191212121212    | 2025-03-01 | 0      | TSTNMT2321000156-1079    | VALIDATION_ERROR | amount 0: beloppet måste vara större än 0",
            "SE2321000016-39KJ   | 191212121212    | 2025-03-01 | -100   | TSTNMT2321000156-1079    | VALIDATION_ERROR | amount -100: beloppet måste vara större än 0",
            "SE2321000016-39KJ   | 191212121212    | 2025-03-11 | 200    | TSTNMT2321000156-1079    | VALIDATION_ERROR | transactionDate 2025-03-11: får inte ligga i framtiden",
            "SE2321000016-39KJ   | 191212121212    | 2011-06-01 | 200    | TSTNMT2321000156-1079    | ERROR            | vårdhuvudman SE2321000016-39KJ: inget högkostnadstak gäller 2011-06-01",
            "SE2321000016-39KJ   | 191212121212    | 2025-03-01 | 200    | TSTNMT2321000156-1080    | ACCESSDENIED     | employeeId TSTNMT2321000156-1080 saknar rollen EFK;Användare för vårdhuvudman SE2321000016-39KJ inom careProviderId TSTNMT2321000156-1002",
            "SE2321000016-39KJ   | 191212121212    | 2025-03-01 | 200    | TSTNMT2321000156-9999    | ACCESSDENIED     | employeeId TSTNMT2321000156-9999 saknar rollen EFK;Användare",
    })
    void registerTransactionRefuses(String region, String person, String date, String amount, String employee,
            ResultCode code, String text) {
        Answer<TransactionReceipt> answer = register(region, person, date, amount,
                new Actor(employee, PROVIDER, null));

        assertRefused(answer, code, text);
        assertThat(service.getCardForPerson(query(STOCKHOLM, ADULT)).value()).isNull();
    }

    @Test
    void registerTransactionRefusesAnUnknownCardType() {
        Answer<TransactionReceipt> answer = service.registerTransaction(new Commands.RegisterTransaction(STOCKHOLM,
                "Testvårdgivare", null, "DENTAL", ADULT, TODAY, BigDecimal.TEN, ACTOR));

        assertRefused(answer, ResultCode.VALIDATION_ERROR,
                "cardTypeId DENTAL: okänd korttyp (kända: CARE_VISIT, TECHNICAL_AID, TRANSPORTATION)");
    }

    @Test
    void registerTransactionRequiresCareProviderAndActor() {
        assertRefused(service.registerTransaction(new Commands.RegisterTransaction(STOCKHOLM, " ", null, CARE_VISIT,
                ADULT, TODAY, BigDecimal.TEN, ACTOR)), ResultCode.VALIDATION_ERROR, "careProvider saknas");
        assertRefused(service.registerTransaction(new Commands.RegisterTransaction(STOCKHOLM, "X", null, CARE_VISIT,
                ADULT, TODAY, BigDecimal.TEN, null)), ResultCode.VALIDATION_ERROR, "actor saknas");
        assertRefused(service.registerTransaction(new Commands.RegisterTransaction(STOCKHOLM, "X", null, CARE_VISIT,
                ADULT, TODAY, BigDecimal.TEN, new Actor(EMPLOYEE, OTHER_PROVIDER, null))), ResultCode.ACCESSDENIED,
                "inom careProviderId " + OTHER_PROVIDER);
    }

    @Test
    void eachCardTypeHasItsOwnCard() {
        registered(ADULT, "2025-03-01", "200");
        service.registerTransaction(new Commands.RegisterTransaction(STOCKHOLM, "Taxi", null, "TRANSPORTATION", ADULT,
                TODAY, new BigDecimal("80"), ACTOR));

        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("200");
        CardView transport = service.getCardForPerson(new Commands.PersonCardQuery(STOCKHOLM, ADULT, "TRANSPORTATION",
                null)).value();
        assertThat(transport.currentAmount()).isEqualByComparingTo("80");
        assertThat(transport.cardTypeName()).isEqualTo("Sjukresor");
    }

    // --- reaching the ceiling -----------------------------------------------------------------------

    @Test
    void theCrossingFeeMakesTheCardPreliminary() {
        registered(ADULT, "2025-01-15", "700");
        registered(ADULT, "2025-03-01", "749");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("1");

        registered(ADULT, "2025-03-05", "1");

        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.currentAmount()).isEqualByComparingTo("1450");
        assertThat(card.amountToLimit()).isEqualByComparingTo("0");
        assertThat(card.startDate()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(card.preliminaryCardDate()).isEqualTo(LocalDate.of(2025, 3, 5));
        assertThat(card.endDate()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(card.finalCardDate()).isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(extended(ADULT).exportStatus()).extracting(Model.ExportStatus::exportType)
                .containsExactly(ExportType.CARD);
    }

    @Test
    void aPreliminaryCardBecomesFinalAfter48Hours() {
        registered(ADULT, "2025-03-01", "1450");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);

        clock.advance(Duration.ofHours(48).minusSeconds(1));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);

        clock.advance(Duration.ofSeconds(1));
        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.finalCardDate()).isEqualTo(LocalDate.of(2025, 3, 12));
    }

    @Test
    void norrbottenCardsAreFinalAtOnce() {
        registered(NORRBOTTEN, ADULT, "2025-03-01", "1450");

        CardView card = card(NORRBOTTEN, ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.finalCardDate()).isEqualTo(TODAY);
        assertThat(card.carePrincipalName()).isEqualTo("Region Norrbotten");
        assertThat(card(ADULT)).as("regions do not share cards").isNull();
    }

    @Test
    void aCardReachedIn2024KeepsTheOldCeilingIn2025() {
        clock.setDate(LocalDate.of(2024, 12, 31));
        registered(ADULT, "2024-06-01", "700");
        registered(ADULT, "2024-12-31", "700");
        clock.setDate(TODAY);

        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.amountToLimit()).isEqualByComparingTo("0");
    }

    @Test
    void aCardBelowTheLimitOn1JanuaryMustReachTheNewAmount() {
        clock.setDate(LocalDate.of(2024, 12, 31));
        registered(ADULT, "2024-06-01", "1300");
        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("100");

        clock.setDate(LocalDate.of(2025, 1, 1));
        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("150");
        registered(ADULT, "2025-01-01", "100");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.BELOW_LIMIT);
        registered(ADULT, "2025-01-01", "50");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);
    }

    @Test
    void feesOnAReachedCardAreOverchargesWithANegativeAmountToLimit() {
        registered(ADULT, "2025-03-01", "1400");
        TransactionReceipt crossing = registered(ADULT, "2025-03-02", "100");
        TransactionReceipt over = registered(ADULT, "2025-03-05", "200");

        assertThat(over.cardSystemId()).isEqualTo(crossing.cardSystemId());
        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.currentAmount()).isEqualByComparingTo("1700");
        assertThat(card.amountToLimit()).isEqualByComparingTo("-250");
        assertThat(extended(ADULT).exportStatus()).extracting(Model.ExportStatus::exportType)
                .containsExactly(ExportType.CARD, ExportType.OVERCHARGED, ExportType.OVERCHARGED);
    }

    @Test
    void aCardExpiresAfterItsEndDateAndTheNextFeeStartsANewCard() {
        clock.setDate(LocalDate.of(2024, 3, 1));
        TransactionReceipt old = registered(ADULT, "2024-03-01", "1400");
        clock.setDate(LocalDate.of(2025, 2, 28));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.FINAL);

        clock.setDate(LocalDate.of(2025, 3, 1));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.EXPIRED);
        TransactionReceipt next = registered(ADULT, "2025-03-01", "200");

        assertThat(next.cardSystemId()).isNotEqualTo(old.cardSystemId());
        CardView card = card(ADULT);
        assertThat(card.cardSystemId()).isEqualTo(next.cardSystemId());
        assertThat(card.status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card.currentAmount()).isEqualByComparingTo("200");
        assertThat(card.cardId()).isNotEqualTo(allCards(ADULT).get(1).card().cardId());
        assertThat(allCards(ADULT)).extracting(c -> c.card().status())
                .containsExactly(CardStatus.BELOW_LIMIT, CardStatus.EXPIRED);
    }

    @Test
    void aLateRegisteredFeeInsideAnExpiredPeriodIsAnOverchargeOfThatCard() {
        clock.setDate(LocalDate.of(2024, 3, 1));
        TransactionReceipt old = registered(ADULT, "2024-03-01", "1400");
        clock.setDate(LocalDate.of(2025, 3, 10));
        registered(ADULT, "2025-03-05", "100");

        TransactionReceipt late = registered(ADULT, "2025-02-20", "150");

        assertThat(late.cardSystemId()).isEqualTo(old.cardSystemId());
        assertThat(allCards(ADULT).get(1).card().amountToLimit()).isEqualByComparingTo("-150");
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("100");
    }

    @Test
    void belowTheLimitOldFeesExpireAsTheWindowSlides() {
        clock.setDate(LocalDate.of(2024, 3, 10));
        registered(ADULT, "2024-03-10", "500");
        clock.setDate(LocalDate.of(2025, 3, 9));
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("500");

        clock.setDate(LocalDate.of(2025, 3, 10));
        ExtendedCardView card = extended(ADULT);
        assertThat(card.card().status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card.card().currentAmount()).isEqualByComparingTo("0");
        assertThat(card.card().amountToLimit()).isEqualByComparingTo("1450");
        assertThat(card.card().startDate()).isNull();
        assertThat(card.transactions()).isEmpty();
        assertThat(card.expiredTransactions()).extracting(TransactionView::amount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("500"));
    }

    @Test
    void aRetroactiveFeeBeforeTheStartMovesAPreliminaryPeriod() {
        registered(ADULT, "2025-03-01", "1450");
        assertThat(card(ADULT).startDate()).isEqualTo(LocalDate.of(2025, 3, 1));

        registered(ADULT, "2025-02-01", "100");

        CardView card = card(ADULT);
        assertThat(card.startDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(card.endDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(card.preliminaryCardDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(card.amountToLimit()).isEqualByComparingTo("-100");
    }

    // --- UpdateTransaction / DeleteTransaction -------------------------------------------------

    @Test
    void updateTransactionKeepsTheOldVersionAndRecomputes() {
        registered(ADULT, "2025-03-01", "700");
        TransactionReceipt fee = registered(ADULT, "2025-03-02", "750");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);

        Answer<TransactionReceipt> answer = service.updateTransaction(new Commands.UpdateTransaction(STOCKHOLM,
                "Testvårdgivare NMT", "Testenhet", fee.transactionId(), LocalDate.of(2025, 3, 3), new BigDecimal("300"),
                "fel belopp", ACTOR));

        assertOk(answer);
        assertThat(answer.value()).isEqualTo(fee);
        ExtendedCardView card = extended(ADULT);
        assertThat(card.card().status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card.card().currentAmount()).isEqualByComparingTo("1000");
        assertThat(card.transactions()).filteredOn(t -> t.transactionId().equals(fee.transactionId()))
                .extracting(TransactionView::status, TransactionView::statusReason, TransactionView::transactionDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TransactionStatus.UPDATED, "fel belopp", LocalDate.of(2025, 3, 2)),
                        org.assertj.core.groups.Tuple.tuple(TransactionStatus.ACTIVE, null, LocalDate.of(2025, 3, 3)));
    }

    @Test
    void updateTransactionCanReachTheLimit() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "200");

        assertOk(service.updateTransaction(new Commands.UpdateTransaction(STOCKHOLM, "Testvårdgivare NMT", null,
                fee.transactionId(), LocalDate.of(2025, 3, 1), new BigDecimal("1500"), null, ACTOR)));

        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("-50");
        assertThat(extended(ADULT).exportStatus()).extracting(Model.ExportStatus::exportType)
                .containsExactly(ExportType.CARD, ExportType.OVERCHARGED);
    }

    @Test
    void updateTransactionRefuses() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "200");

        assertRefused(service.updateTransaction(update("no-such-id", "100", ACTOR)), ResultCode.ERROR,
                "transactionId no-such-id: ingen sådan avgift hos vårdhuvudman SE2321000016-39KJ");
        assertRefused(service.updateTransaction(update(fee.transactionId(), "100", OTHER_ACTOR)), ResultCode.ACCESSDENIED,
                "transactionId " + fee.transactionId() + " registrerades av careProviderId " + PROVIDER);
        assertRefused(service.updateTransaction(update(fee.transactionId(), "0", ACTOR)), ResultCode.VALIDATION_ERROR,
                "amount 0: beloppet måste vara större än 0");
        assertRefused(service.updateTransaction(update(fee.transactionId(), "100",
                new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))), ResultCode.ACCESSDENIED, "saknar rollen EFK;Användare");
        assertOk(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null, ACTOR)));
        assertRefused(service.updateTransaction(update(fee.transactionId(), "100", ACTOR)), ResultCode.ERROR,
                "avgiften är makulerad (DELETED)");
    }

    @Test
    void deleteTransactionExcludesTheFeeFromTheSums() {
        registered(ADULT, "2025-03-01", "700");
        TransactionReceipt fee = registered(ADULT, "2025-03-02", "750");

        assertOk(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(),
                "TRANSACTION_INCORRECT", ACTOR)));

        ExtendedCardView card = extended(ADULT);
        assertThat(card.card().status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card.card().currentAmount()).isEqualByComparingTo("700");
        assertThat(card.transactions()).extracting(TransactionView::status, TransactionView::statusReason)
                .contains(org.assertj.core.groups.Tuple.tuple(TransactionStatus.DELETED, "TRANSACTION_INCORRECT"));
    }

    @Test
    void deletingAFeeOfAFinalCardKeepsItFinal() {
        registered(ADULT, "2025-03-01", "1000");
        TransactionReceipt fee = registered(ADULT, "2025-03-02", "450");
        clock.advance(Duration.ofHours(48));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.FINAL);

        assertOk(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null, ACTOR)));

        CardView card = card(ADULT);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.currentAmount()).isEqualByComparingTo("1000");
        assertThat(card.amountToLimit()).isEqualByComparingTo("450");
        assertThat(card.endDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void deleteTransactionRefuses() {
        TransactionReceipt fee = registered(ADULT, "2025-03-01", "200");

        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, UUID.randomUUID().toString(),
                null, ACTOR)), ResultCode.ERROR, "ingen sådan avgift");
        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(NORRBOTTEN, fee.transactionId(), null,
                ACTOR)), ResultCode.ERROR, "ingen sådan avgift hos vårdhuvudman " + NORRBOTTEN);
        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null,
                OTHER_ACTOR)), ResultCode.ACCESSDENIED, "registrerades av careProviderId " + PROVIDER);
        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, null, null, ACTOR)),
                ResultCode.VALIDATION_ERROR, "transactionId saknas");
        assertOk(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null, ACTOR)));
        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(STOCKHOLM, fee.transactionId(), null,
                ACTOR)), ResultCode.ERROR, "avgiften är makulerad");
    }

    @Test
    void updatingAFeeOfAFinalCardPastItsEndMovesItToTheNextCard() {
        clock.setDate(LocalDate.of(2024, 3, 1));
        registered(ADULT, "2024-03-01", "1400");
        TransactionReceipt over = registered(ADULT, "2024-03-01", "100");
        clock.setDate(TODAY);

        Answer<TransactionReceipt> moved = service.updateTransaction(new Commands.UpdateTransaction(STOCKHOLM,
                "Testvårdgivare NMT", null, over.transactionId(), LocalDate.of(2025, 3, 5), new BigDecimal("100"), null,
                ACTOR));

        assertOk(moved);
        assertThat(moved.value().cardSystemId()).isNotEqualTo(over.cardSystemId());
        List<ExtendedCardView> cards = allCards(ADULT);
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).card().currentAmount()).isEqualByComparingTo("100");
        assertThat(cards.get(1).card().amountToLimit()).isEqualByComparingTo("0");
    }

    private static Commands.UpdateTransaction update(String transactionId, String amount, Actor actor) {
        return new Commands.UpdateTransaction(STOCKHOLM, "Testvårdgivare NMT", null, transactionId,
                LocalDate.of(2025, 3, 1), new BigDecimal(amount), null, actor);
    }
}
