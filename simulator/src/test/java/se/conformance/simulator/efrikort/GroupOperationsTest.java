package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE_WITHOUT_ROLE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.Model.CardPerson;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.GroupAction;
import se.conformance.simulator.efrikort.Model.GroupActionView;
import se.conformance.simulator.efrikort.Model.GroupView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;

/** GroupPerson, UngroupPerson and GetGroupForPerson. */
class GroupOperationsTest extends ServiceTestBase {

    @Test
    void twoAdultsCannotBeGrouped() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "200");
        registered(OTHER_ADULT, "2025-03-01", "300");

        assertRefused(service.groupPerson(group(parent.cardSystemId(), OTHER_ADULT)), ResultCode.ERROR,
                "personId " + OTHER_ADULT + ": två vuxna (18 år eller äldre) kan inte grupperas på samma kort; "
                        + "kortet har redan personId " + ADULT);
        assertThat(card(OTHER_ADULT).currentAmount()).isEqualByComparingTo("300");
        assertThat(card(ADULT).persons()).extracting(CardPerson::id).containsExactly(ADULT);
    }

    @Test
    void aChildGroupedWithAParentBringsItsFeesAndTheCombinedSumReachesTheLimit() {
        TransactionReceipt parent = registered(ADULT, "2025-01-10", "1000");
        TransactionReceipt child = registered(CHILD, "2025-02-10", "450");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.BELOW_LIMIT);

        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        CardView card = card(CHILD);
        assertThat(card.cardSystemId()).isEqualTo(parent.cardSystemId());
        assertThat(card(ADULT)).isEqualTo(card);
        assertThat(card.persons()).extracting(CardPerson::id).containsExactlyInAnyOrder(ADULT, CHILD);
        assertThat(card.status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(card.currentAmount()).isEqualByComparingTo("1450");
        assertThat(card.startDate()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(card.preliminaryCardDate()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(extended(ADULT).transactions()).extracting(Model.TransactionView::transactionId)
                .containsExactly(parent.transactionId(), child.transactionId());
        assertThat(allCards(CHILD)).as("the child's own card is gone").hasSize(1);

        registered(CHILD, "2025-03-05", "100");
        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("-100");
    }

    @Test
    void aReservnummerAndSiblingsCanBeGrouped() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "100");

        assertOk(service.groupPerson(group(parent.cardSystemId(), RESERV)));
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));
        assertOk(service.groupPerson(group(parent.cardSystemId(), OTHER_CHILD)));

        assertThat(card(ADULT).persons()).extracting(CardPerson::id)
                .containsExactlyInAnyOrder(ADULT, RESERV, CHILD, OTHER_CHILD);
    }

    @Test
    void anIssuedFinalCardKeepsItsStatusWhenAChildJoins() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "1450");
        clock.advance(Duration.ofHours(72));
        registered(CHILD, "2025-03-12", "200");

        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        CardView card = card(CHILD);
        assertThat(card.status()).isEqualTo(CardStatus.FINAL);
        assertThat(card.endDate()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(card.amountToLimit()).isEqualByComparingTo("-200");
    }

    @Test
    void groupPersonRefusesAndInforms() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "100");
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        Answer<Void> again = service.groupPerson(group(parent.cardSystemId(), CHILD));
        assertThat(again.code()).isEqualTo(ResultCode.INFO);
        assertThat(again.text()).startsWith("personId " + CHILD + " finns redan på kortet");

        assertRefused(service.groupPerson(group("no-such-card", OTHER_CHILD)), ResultCode.ERROR,
                "cardSystemId no-such-card: inget sådant kort");
        assertRefused(service.groupPerson(new Commands.Group(STOCKHOLM, parent.cardSystemId(), OTHER_CHILD,
                new Actor(EMPLOYEE_WITHOUT_ROLE, PROVIDER, null))), ResultCode.ACCESSDENIED, "saknar rollen");
        assertRefused(service.groupPerson(group(parent.cardSystemId(), "2010-0315-2384")), ResultCode.VALIDATION_ERROR,
                "endast siffror, utan bindestreck eller plustecken");
    }

    @Test
    void groupingOntoAnExpiredCardIsRefused() {
        clock.setDate(LocalDate.of(2024, 1, 10));
        TransactionReceipt parent = registered(ADULT, "2024-01-10", "1400");
        clock.setDate(TODAY);

        assertRefused(service.groupPerson(group(parent.cardSystemId(), CHILD)), ResultCode.ERROR,
                "kortet har gått ut (EXPIRED)");
    }

    @Test
    void ungroupMovesThePersonsFeesToANewCard() {
        TransactionReceipt parent = registered(ADULT, "2025-01-10", "1000");
        registered(CHILD, "2025-02-10", "300");
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        assertOk(service.ungroupPerson(group(parent.cardSystemId(), CHILD)));

        CardView childCard = card(CHILD);
        assertThat(childCard.cardSystemId()).isNotEqualTo(parent.cardSystemId());
        assertThat(childCard.persons()).extracting(CardPerson::id).containsExactly(CHILD);
        assertThat(childCard.currentAmount()).isEqualByComparingTo("300");
        assertThat(card(ADULT).currentAmount()).isEqualByComparingTo("1000");
        assertThat(card(ADULT).persons()).extracting(CardPerson::id).containsExactly(ADULT);
    }

    @Test
    void ungroupFromAFinalCardKeepsTheStatusOnBothCards() {
        TransactionReceipt parent = registered(ADULT, "2025-01-10", "1000");
        registered(CHILD, "2025-02-10", "450");
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));
        clock.advance(Duration.ofHours(48));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.FINAL);

        assertOk(service.ungroupPerson(group(parent.cardSystemId(), CHILD)));

        CardView child = card(CHILD);
        CardView adult = card(ADULT);
        assertThat(child.status()).isEqualTo(CardStatus.FINAL);
        assertThat(adult.status()).isEqualTo(CardStatus.FINAL);
        assertThat(child.startDate()).isEqualTo(adult.startDate());
        assertThat(child.endDate()).isEqualTo(adult.endDate());
        assertThat(child.currentAmount()).isEqualByComparingTo("450");
        assertThat(adult.currentAmount()).isEqualByComparingTo("1000");
    }

    @Test
    void ungroupFromAPreliminaryCardRecomputesBoth() {
        TransactionReceipt parent = registered(ADULT, "2025-01-10", "1000");
        registered(CHILD, "2025-02-10", "450");
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);

        assertOk(service.ungroupPerson(group(parent.cardSystemId(), CHILD)));

        assertThat(card(ADULT).status()).isEqualTo(CardStatus.BELOW_LIMIT);
        assertThat(card(CHILD).status()).isEqualTo(CardStatus.BELOW_LIMIT);
    }

    @Test
    void ungroupPersonRefuses() {
        TransactionReceipt parent = registered(ADULT, "2025-03-01", "100");

        assertRefused(service.ungroupPerson(group(parent.cardSystemId(), ADULT)), ResultCode.ERROR,
                "personId " + ADULT + " är ensam på kortet");
        assertRefused(service.ungroupPerson(group(parent.cardSystemId(), CHILD)), ResultCode.ERROR,
                "personId " + CHILD + " finns inte på kortet");
        assertRefused(service.ungroupPerson(group("no-such-card", CHILD)), ResultCode.ERROR, "inget sådant kort");
    }

    @Test
    void getGroupForPersonListsMembersAndTheLoggedActions() {
        GroupView alone = service.getGroupForPerson(query(STOCKHOLM, CHILD)).value();
        assertThat(alone.personIds()).containsExactly(CHILD);
        assertThat(alone.groupActions()).isEmpty();

        TransactionReceipt parent = registered(ADULT, "2025-03-01", "100");
        String cardId = card(ADULT).cardId();
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));
        clock.advance(Duration.ofHours(1));
        assertOk(service.ungroupPerson(group(parent.cardSystemId(), CHILD)));
        clock.advance(Duration.ofHours(1));
        assertOk(service.groupPerson(group(parent.cardSystemId(), CHILD)));

        GroupView view = service.getGroupForPerson(query(STOCKHOLM, ADULT)).value();

        assertThat(view.personIds()).containsExactlyInAnyOrder(ADULT, CHILD);
        assertThat(view.groupActions()).extracting(GroupActionView::action, GroupActionView::cardId,
                GroupActionView::loggedDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GroupAction.GROUP_PERSON, cardId, TODAY.atTime(8, 0)),
                org.assertj.core.groups.Tuple.tuple(GroupAction.UNGROUP_PERSON, cardId, TODAY.atTime(9, 0)),
                org.assertj.core.groups.Tuple.tuple(GroupAction.GROUP_PERSON, cardId, TODAY.atTime(10, 0)));
        assertThat(view.groupActions()).allSatisfy(a -> {
            assertThat(a.carePrincipalId()).isEqualTo(STOCKHOLM);
            assertThat(a.cardTypeId()).isEqualTo(CARE_VISIT);
        });
    }
}
