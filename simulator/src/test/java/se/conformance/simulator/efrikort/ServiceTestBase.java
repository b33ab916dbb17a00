package se.conformance.simulator.efrikort;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.EMPLOYEE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.OTHER_EMPLOYEE;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.OTHER_PROVIDER;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.OTHER_PROVIDER_UNIT;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER;
import static se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed.PROVIDER_UNIT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import se.conformance.simulator.support.TestDatabase;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.Commands.PersonCardQuery;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;
import se.conformance.simulator.efrikort.seed.JdbcEfrikortSeed;

/**
 * Runs every test of a subclass twice: on H2 in-memory and on PostgreSQL ({@code SIM_TEST_PG_URL};
 * skipped with a message when unset). Each test starts from the default seed on 2025-03-10 08:00.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Engine.class)
abstract class ServiceTestBase {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final String STOCKHOLM = JdbcEfrikortSeed.STOCKHOLM;
    static final String NORRBOTTEN = JdbcEfrikortSeed.NORRBOTTEN;
    static final String CARE_VISIT = "CARE_VISIT";

    static final String ADULT = "191212121212";
    static final String OTHER_ADULT = "198001012346";
    static final String CHILD = "201003152384";
    static final String OTHER_CHILD = "201506014446";
    static final String RESERV = "991234567890";

    static final Actor ACTOR = new Actor(EMPLOYEE, PROVIDER, PROVIDER_UNIT);
    static final Actor OTHER_ACTOR = new Actor(OTHER_EMPLOYEE, OTHER_PROVIDER, OTHER_PROVIDER_UNIT);

    /** The database this invocation runs on. */
    @Parameter
    TestDatabase.Engine engine;

    static TestDatabase database;
    static SimulatedClock clock;
    static EfrikortService service;
    static JdbcEfrikortSeed seed;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase.Engine engine) {
        database = TestDatabase.open(engine, "efk");
        clock = new SimulatedClock();
        service = new EfrikortService(database.database(), clock);
        seed = new JdbcEfrikortSeed(database.database());
    }

    @AfterParameterizedClassInvocation
    static void close() {
        if (database != null) database.close();
        database = null;
    }

    @BeforeEach
    void resetToDefaultSeed() {
        seed.resetToDefault();
        clock.setDate(TODAY);
    }

    // --- calls -----------------------------------------------------------------------------------

    static Answer<TransactionReceipt> register(String region, String person, String date, String amount, Actor actor) {
        return service.registerTransaction(new Commands.RegisterTransaction(region, providerName(actor), "Testenhet",
                CARE_VISIT, person, date == null ? null : LocalDate.parse(date), new BigDecimal(amount), actor));
    }

    static Answer<TransactionReceipt> register(String person, String date, String amount) {
        return register(STOCKHOLM, person, date, amount, ACTOR);
    }

    /** Registers a fee that must be accepted. */
    static TransactionReceipt registered(String region, String person, String date, String amount) {
        Answer<TransactionReceipt> answer = register(region, person, date, amount, ACTOR);
        assertThat(answer.code()).as(answer.text()).isEqualTo(ResultCode.OK);
        return answer.value();
    }

    static TransactionReceipt registered(String person, String date, String amount) {
        return registered(STOCKHOLM, person, date, amount);
    }

    static PersonCardQuery query(String region, String person) {
        return new PersonCardQuery(region, person, CARE_VISIT, PROVIDER);
    }

    static CardView card(String region, String person) {
        Answer<CardView> answer = service.getCardForPerson(query(region, person));
        assertThat(answer.code()).as(answer.text()).isEqualTo(ResultCode.OK);
        return answer.value();
    }

    static CardView card(String person) {
        return card(STOCKHOLM, person);
    }

    static ExtendedCardView extended(String region, String person) {
        Answer<ExtendedCardView> answer = service.getExtendedCardForPerson(query(region, person));
        assertThat(answer.code()).as(answer.text()).isEqualTo(ResultCode.OK);
        return answer.value();
    }

    static ExtendedCardView extended(String person) {
        return extended(STOCKHOLM, person);
    }

    static List<ExtendedCardView> allCards(String person) {
        Answer<List<ExtendedCardView>> answer = service.getExtendedCardsForPerson(query(STOCKHOLM, person));
        assertThat(answer.code()).as(answer.text()).isEqualTo(ResultCode.OK);
        return answer.value();
    }

    static Commands.Consent consent(String region, String person, Actor actor) {
        return new Commands.Consent(region, person, CARE_VISIT, actor);
    }

    static Commands.Group group(String cardSystemId, String person) {
        return new Commands.Group(STOCKHOLM, cardSystemId, person, ACTOR);
    }

    static void assertOk(Answer<?> answer) {
        assertThat(answer.code()).as(answer.text()).isEqualTo(ResultCode.OK);
    }

    static void assertRefused(Answer<?> answer, ResultCode code, String text) {
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.text()).contains(text);
        assertThat(answer.value()).isNull();
    }

    private static String providerName(Actor actor) {
        return actor != null && OTHER_PROVIDER.equals(actor.careProviderId()) ? "Andra testvårdgivaren" : "Testvårdgivare NMT";
    }
}
