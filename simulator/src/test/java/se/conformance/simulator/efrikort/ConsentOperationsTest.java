package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.OTHER_PROVIDER;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.Commands.PersonCardQuery;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.EfrikortSeed.OptOutHandling;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;
import se.conformance.simulator.efrikort.Model.CardPerson;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;
import se.conformance.simulator.efrikort.Model.TransactionView;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;

/** RegisterOptIn, RegisterOptOut (both models, both handlings) and UpdateReadConsent. */
class ConsentOperationsTest extends ServiceTestBase {

    private static final String OPT_IN_REGION = "SE2321000000-OPTIN";

    @BeforeEach
    void addAnOptInRegion() {
        seed.putRegion(new Region(OPT_IN_REGION, "Opt-in-regionen", ConsentModel.OPT_IN, Duration.ofHours(48),
                OptOutHandling.DELETE, JdbcEfrikortSeed.DEFAULT_CEILINGS));
        seed.putEmployee(new EfrikortSeed.Employee(JdbcEfrikortSeed.EMPLOYEE, "Testanvändare", java.util.List.of(
                new EfrikortSeed.Assignment(STOCKHOLM, PROVIDER, EfrikortSeed.USER_ROLE),
                new EfrikortSeed.Assignment(NORRBOTTEN, PROVIDER, EfrikortSeed.USER_ROLE),
                new EfrikortSeed.Assignment(OPT_IN_REGION, PROVIDER, EfrikortSeed.USER_ROLE))));
    }

    // --- opt-in model ----------------------------------------------------------------------------

    @Test
    void inAnOptInRegionNothingHappensBeforeOptIn() {
        assertRefused(register(OPT_IN_REGION, ADULT, "2025-03-01", "200", ACTOR), ResultCode.OPTINREQUIRED,
                "personId " + ADULT + " saknar registrerat samtycke (opt-in) hos vårdhuvudman " + OPT_IN_REGION
                        + " för korttyp CARE_VISIT; registrera opt-in (RegisterOptIn) och försök igen");
        assertRefused(service.updateReadConsent(new Commands.ReadConsent(OPT_IN_REGION, ADULT, CARE_VISIT, false, ACTOR)),
                ResultCode.OPTINREQUIRED, "saknar registrerat samtycke");

        assertOk(service.registerOptIn(consent(OPT_IN_REGION, ADULT, ACTOR)));

        registered(OPT_IN_REGION, ADULT, "2025-03-01", "200");
        assertThat(card(OPT_IN_REGION, ADULT).currentAmount()).isEqualByComparingTo("200");
    }

    @Test
    void optOutInAnOptInRegionAnswersOptOutUntilTheNextOptIn() {
        assertOk(service.registerOptIn(consent(OPT_IN_REGION, ADULT, ACTOR)));
        registered(OPT_IN_REGION, ADULT, "2025-03-01", "200");

        assertOk(service.registerOptOut(consent(OPT_IN_REGION, ADULT, ACTOR)));

        assertRefused(service.getCardForPerson(query(OPT_IN_REGION, ADULT)), ResultCode.OPTOUT, "opt-out");
        assertOk(service.registerOptIn(consent(OPT_IN_REGION, ADULT, ACTOR)));
        assertThat(card(OPT_IN_REGION, ADULT)).as("DELETE handling erased the card").isNull();
    }

    // --- opt-out model, DELETE (Stockholm) and HIDE (Norrbotten) -----------------------------------

    @Test
    void optOutWithDeleteErasesThePersonsDataAndBlocksNewData() {
        registered(ADULT, "2025-03-01", "1450");
        assertThat(card(ADULT)).isNotNull();

        assertOk(service.registerOptOut(consent(STOCKHOLM, ADULT, ACTOR)));

        assertRefused(service.getCardForPerson(query(STOCKHOLM, ADULT)), ResultCode.OPTOUT,
                "personId " + ADULT + " har valt att stå utanför e-frikort (opt-out) hos vårdhuvudman " + STOCKHOLM);
        assertRefused(register(ADULT, "2025-03-05", "100"), ResultCode.OPTOUT, "opt-out");
        assertRefused(service.updateReadConsent(new Commands.ReadConsent(STOCKHOLM, ADULT, CARE_VISIT, true, ACTOR)),
                ResultCode.OPTOUT, "opt-out");

        assertOk(service.registerOptIn(consent(STOCKHOLM, ADULT, ACTOR)));
        assertThat(card(ADULT)).isNull();
        assertThat(allCards(ADULT)).isEmpty();
        registered(ADULT, "2025-03-05", "100");
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("100");
    }

    @Test
    void optOutWithHideKeepsTheDataForTheNextOptIn() {
        TransactionReceipt fee = registered(NORRBOTTEN, ADULT, "2025-03-01", "300");

        assertOk(service.registerOptOut(consent(NORRBOTTEN, ADULT, ACTOR)));

        assertRefused(service.getExtendedCardForPerson(query(NORRBOTTEN, ADULT)), ResultCode.OPTOUT, "opt-out");
        assertRefused(service.deleteTransaction(new Commands.DeleteTransaction(NORRBOTTEN, fee.transactionId(), null,
                ACTOR)), ResultCode.OPTOUT, "opt-out");
        assertOk(service.registerOptIn(consent(NORRBOTTEN, ADULT, ACTOR)));
        ExtendedCardView card = extended(NORRBOTTEN, ADULT);
        assertThat(card.card().cardSystemId()).isEqualTo(fee.cardSystemId());
        assertThat(card.transactions()).extracting(TransactionView::transactionId).containsExactly(fee.transactionId());
    }

    @Test
    void optOutOfAGroupedChildTakesOnlyTheChildOut() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "1000");
        registered(CHILD, "2025-03-02", "200");
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        assertOk(service.registerOptOut(consent(STOCKHOLM, CHILD, ACTOR)));

        assertThat(card(ADULT).persons()).extracting(CardPerson::id).containsExactly(ADULT);
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("1000");
        assertRefused(service.groupPerson(group(parent.cardSystemId(), CHILD)), ResultCode.OPTOUT, "opt-out");
        assertRefused(service.getGroupForPerson(query(STOCKHOLM, CHILD)), ResultCode.OPTOUT, "opt-out");
        assertOk(service.registerOptIn(consent(STOCKHOLM, CHILD, ACTOR)));
        assertThat(service.getGroupForPerson(query(STOCKHOLM, CHILD)).value().groupActions())
                .as("DELETE handling erased the child's group history").isEmpty();
        assertThat(card(CHILD)).isNull();
    }

    @Test
    void consentOperationsRefuse() {
        assertRefused(service.registerOptIn(consent(STOCKHOLM, "19121212-1212", ACTOR)), ResultCode.VALIDATION_ERROR,
                "utan bindestreck");
        assertRefused(service.registerOptOut(consent(STOCKHOLM, ADULT, new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))),
                ResultCode.ACCESSDENIED, "employeeId " + EMPLOYEE_WITHOUT_ROLE + " saknar rollen EFK;Användare");
        assertRefused(service.registerOptIn(new Commands.Consent("SE999", ADULT, CARE_VISIT, ACTOR)),
                ResultCode.VALIDATION_ERROR, "carePrincipalId SE999: okänd vårdhuvudman");
        assertRefused(service.registerOptOut(new Commands.Consent(STOCKHOLM, ADULT, "NOPE", ACTOR)),
                ResultCode.VALIDATION_ERROR, "cardTypeId NOPE: okänd korttyp");
    }

    @Test
    void groupPersonRegistersTheGroupedPersonsConsent() {
        assertOk(service.registerOptIn(consent(OPT_IN_REGION, ADULT, ACTOR)));
        TransactionReceipt parent = registered(OPT_IN_REGION, ADULT, "2025-03-01", "100");

        assertOk(service.groupPerson(new Commands.Group(OPT_IN_REGION, parent.cardSystemId(), CHILD, ACTOR)));

        assertOk(service.getCardForPerson(query(OPT_IN_REGION, CHILD)));
    }

    // --- read consent ------------------------------------------------------------------------------

    @Test
    void withoutReadConsentOtherProvidersSeeNoCareProviderOrUnit() {
        registered(ADULT, "2025-03-01", "200");
        assertOk(register(STOCKHOLM, ADULT, "2025-03-02", "300", OTHER_ACTOR));
        assertThat(extended(ADULT).card().persons()).containsExactly(new CardPerson(ADULT, true));

        assertOk(service.updateReadConsent(new Commands.ReadConsent(STOCKHOLM, ADULT, CARE_VISIT, false, ACTOR)));

        ExtendedCardView asProvider = service.getExtendedCardForPerson(
                new PersonCardQuery(STOCKHOLM, ADULT, CARE_VISIT, PROVIDER)).value();
        assertThat(asProvider.card().persons()).containsExactly(new CardPerson(ADULT, false));
        assertThat(asProvider.transactions()).extracting(TransactionView::careProvider, TransactionView::careUnit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Testvårdgivare NMT", "Testenhet"),
                        org.assertj.core.groups.Tuple.tuple(null, null));
        assertThat(asProvider.transactions()).extracting(TransactionView::amount).doesNotContainNull();

        ExtendedCardView asOther = service.getExtendedCardsForPerson(
                new PersonCardQuery(STOCKHOLM, ADULT, CARE_VISIT, OTHER_PROVIDER)).value().get(0);
        assertThat(asOther.transactions()).extracting(TransactionView::careProvider)
                .containsExactly(null, "Andra testvårdgivaren");

        ExtendedCardView asUnknown = service.getExtendedCardForPerson(
                new PersonCardQuery(STOCKHOLM, ADULT, CARE_VISIT, null)).value();
        assertThat(asUnknown.transactions()).extracting(TransactionView::careProvider).containsOnlyNulls();
        assertThat(asUnknown.card().currentAmount()).isEqualByComparingTo("500");

        assertOk(service.updateReadConsent(new Commands.ReadConsent(STOCKHOLM, ADULT, CARE_VISIT, true, ACTOR)));
        assertThat(service.getExtendedCardForPerson(new PersonCardQuery(STOCKHOLM, ADULT, CARE_VISIT, null)).value()
                .transactions()).extracting(TransactionView::careProvider).doesNotContainNull();
    }

    @Test
    void readConsentSurvivesOptOutAndOptIn() {
        assertOk(service.updateReadConsent(new Commands.ReadConsent(NORRBOTTEN, ADULT, CARE_VISIT, false, ACTOR)));
        registered(NORRBOTTEN, ADULT, "2025-03-01", "100");
        assertOk(service.registerOptOut(consent(NORRBOTTEN, ADULT, ACTOR)));
        assertOk(service.registerOptIn(consent(NORRBOTTEN, ADULT, ACTOR)));

        assertThat(card(NORRBOTTEN, ADULT).persons()).containsExactly(new CardPerson(ADULT, false));
    }
}
