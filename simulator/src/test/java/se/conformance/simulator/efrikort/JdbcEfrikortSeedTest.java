package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.EfrikortSeed.Assignment;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.EfrikortSeed.CareProvider;
import se.conformance.simulator.efrikort.EfrikortSeed.CareUnit;
import se.conformance.simulator.efrikort.EfrikortSeed.Ceiling;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.EfrikortSeed.Employee;
import se.conformance.simulator.efrikort.EfrikortSeed.OptOutHandling;
import se.conformance.simulator.efrikort.EfrikortSeed.Region;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;

/** The default seed and the control API's writes, as the rules see them on the next call. */
class JdbcEfrikortSeedTest extends ServiceTestBase {

    @Test
    void theDefaultSeedIsTheDocumentedOne() {
        assertThat(seed.regions()).extracting(Region::id, Region::name, Region::consentModel, Region::finalDelay,
                Region::optOutHandling).containsExactly(
                org.assertj.core.groups.Tuple.tuple(STOCKHOLM, "Region Stockholm", ConsentModel.OPT_OUT,
                        Duration.ofHours(48), OptOutHandling.DELETE),
                org.assertj.core.groups.Tuple.tuple(NORRBOTTEN, "Region Norrbotten", ConsentModel.OPT_OUT,
                        Duration.ZERO, OptOutHandling.HIDE));
        assertThat(seed.regions().get(0).ceilings()).extracting(Ceiling::validFrom, c -> c.amount().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2012, 1, 1), 1100),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2019, 1, 1), 1150),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2022, 1, 1), 1200),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 1, 1), 1300),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 1, 1), 1400),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 1), 1450));
        assertThat(seed.cardTypes()).extracting(CardTypeDefinition::id, CardTypeDefinition::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CARE_VISIT", "Öppen sjukvård"),
                org.assertj.core.groups.Tuple.tuple("TECHNICAL_AID", "Tekniska hjälpmedel"),
                org.assertj.core.groups.Tuple.tuple("TRANSPORTATION", "Sjukresor"));
        assertThat(seed.careProviders()).extracting(CareProvider::hsaId)
                .containsExactly(JdbcEfrikortSeed.PROVIDER, JdbcEfrikortSeed.OTHER_PROVIDER);
        assertThat(seed.careProviders().get(0).units()).extracting(CareUnit::hsaId)
                .containsExactly(JdbcEfrikortSeed.PROVIDER_UNIT);
        assertThat(seed.employees()).extracting(Employee::hsaId).containsExactly(JdbcEfrikortSeed.EMPLOYEE,
                JdbcEfrikortSeed.EMPLOYEE_WITHOUT_ROLE, JdbcEfrikortSeed.OTHER_EMPLOYEE);
        assertThat(seed.employees().get(0).assignments()).containsExactlyInAnyOrder(
                new Assignment(STOCKHOLM, JdbcEfrikortSeed.PROVIDER, "EFK;Användare"),
                new Assignment(NORRBOTTEN, JdbcEfrikortSeed.PROVIDER, "EFK;Användare"));
        assertThat(seed.reservnummerPattern()).isEqualTo("^(99|98)\\d{8,11}$");
    }

    @Test
    void resetErasesCardsTransactionsAndConsents() {
        registered(ADULT, "2025-03-01", "200");
        assertOk(service.registerOptOut(consent(NORRBOTTEN, CHILD, ACTOR)));

        seed.resetToDefault();

        assertThat(card(ADULT)).isNull();
        assertOk(service.getCardForPerson(query(NORRBOTTEN, CHILD)));
    }

    @Test
    void loadDefaultIfEmptyLoadsOnlyAnEmptyStore() {
        assertThat(seed.loadDefaultIfEmpty()).isFalse();
        registered(ADULT, "2025-03-01", "200");
        assertThat(card(ADULT)).as("not reset").isNotNull();
    }

    @Test
    void aChangedCeilingAppliesToTheNextCall() {
        registered(ADULT, "2025-03-01", "1000");
        seed.putRegion(new Region(STOCKHOLM, "Region Stockholm", ConsentModel.OPT_OUT, Duration.ofHours(48),
                OptOutHandling.DELETE, List.of(new Ceiling(LocalDate.of(2012, 1, 1), new BigDecimal("1000")))));

        assertThat(card(ADULT).amountToLimit()).isEqualByComparingTo("0");
        registered(ADULT, "2025-03-02", "1");
        assertThat(card(ADULT).status()).isEqualTo(CardStatus.PRELIMINARY);
        assertThat(seed.regions()).filteredOn(r -> r.id().equals(STOCKHOLM)).singleElement()
                .satisfies(r -> assertThat(r.ceilings()).hasSize(1));
    }

    @Test
    void aNewRegionCardTypeAndEmployeeAreUsableAtOnce() {
        seed.putRegion(new Region("SE2321000131-E000000000001", "Västra Götalandsregionen", ConsentModel.OPT_OUT,
                Duration.ZERO, OptOutHandling.HIDE, JdbcEfrikortSeed.DEFAULT_CEILINGS));
        seed.putCardType(new CardTypeDefinition("DENTAL", "Viss tandvård"));
        seed.putCareProvider(new CareProvider("VGR-P1", "VGR Vårdgivare", List.of(new CareUnit("VGR-U1", "Enhet 1"))));
        seed.putEmployee(new Employee("VGR-E1", "Vera", List.of(new Assignment("SE2321000131-E000000000001", "VGR-P1",
                EfrikortSeed.USER_ROLE))));
        Actor vera = new Actor("VGR-E1", "VGR-P1", "VGR-U1");

        Answer<Model.TransactionReceipt> answer = service.registerTransaction(new Commands.RegisterTransaction(
                "SE2321000131-E000000000001", "VGR Vårdgivare", null, "DENTAL", ADULT, TODAY, new BigDecimal("1450"),
                vera));

        assertOk(answer);
        assertThat(service.getCardForPerson(new Commands.PersonCardQuery("SE2321000131-E000000000001", ADULT, "DENTAL",
                null)).value().status()).isEqualTo(CardStatus.FINAL);
        assertRefused(service.registerTransaction(new Commands.RegisterTransaction("SE2321000131-E000000000001", "X",
                null, "DENTAL", ADULT, TODAY, BigDecimal.ONE, new Actor("VGR-E1", "VGR-P1", "OTHER-UNIT"))),
                ResultCode.ACCESSDENIED, "careUnitId OTHER-UNIT är ingen vårdenhet hos careProviderId VGR-P1");
    }

    @Test
    void theReservnummerPatternIsConfiguration() {
        assertRefused(register("SLL1234567890", TODAY.toString(), "100"), ResultCode.VALIDATION_ERROR,
                "personId SLL1234567890: endast siffror");

        seed.setReservnummerPattern("^SLL\\d{10}$");

        assertOk(register("SLL1234567890", TODAY.toString(), "100"));
        assertRefused(register(RESERV, TODAY.toString(), "100"), ResultCode.VALIDATION_ERROR, "personId " + RESERV);
        assertThat(seed.reservnummerPattern()).isEqualTo("^SLL\\d{10}$");
    }

    @Test
    void inconsistentSeedDataIsRefused() {
        assertThatThrownBy(() -> seed.setReservnummerPattern("(99")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seed.putRegion(new Region("X", "X", ConsentModel.OPT_IN, Duration.ZERO,
                OptOutHandling.DELETE, List.of(new Ceiling(LocalDate.of(2024, 1, 1), BigDecimal.ONE),
                new Ceiling(LocalDate.of(2024, 1, 1), BigDecimal.TEN))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(seed.reservnummerPattern()).isEqualTo(JdbcEfrikortSeed.DEFAULT_RESERVNUMMER_PATTERN);
    }
}
