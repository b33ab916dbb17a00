package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_DOCTOR;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_PROVIDER_UNIT;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.OTHER_UNIT;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.PROVIDER;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TEST_PERSON;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.UNIT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.IntygCommands.ListCertificatesForCare;
import se.conformance.simulator.intyg.IntygCommands.ListCertificatesForCitizen;
import se.conformance.simulator.intyg.IntygCommands.ListSickLeavesForCare;
import se.conformance.simulator.intyg.IntygCommands.RegisterCertificate;
import se.conformance.simulator.intyg.IntygCommands.SetCertificateStatus;
import se.conformance.simulator.intyg.IntygCommands.SickLeavePeriod;
import se.conformance.simulator.intyg.IntygModel.CertificateRelations;
import se.conformance.simulator.intyg.IntygModel.CertificateView;
import se.conformance.simulator.intyg.IntygModel.Relation;
import se.conformance.simulator.intyg.IntygModel.SickLeave;
import se.conformance.simulator.intyg.status.CertificateStatus;
import se.conformance.simulator.intyg.status.StatusCode;

/** ListCertificatesForCare, ListCertificatesForCitizen, ListRelationsForCertificate, ListSickLeavesForCare. */
class CertificateListsTest extends IntygServiceTestBase {

    private static String registeredAt(String unit, String provider, String patient, String type, LocalDateTime signed) {
        String id = newId();
        assertOk(service.registerCertificate(new RegisterCertificate(new IntygId(unit, id), type,
                type.startsWith("TS") ? "4.2" : "1.0", patient, unit, provider, DOCTOR, "Ajla Doktor", signed, null, null,
                List.of(), null, xml(id))));
        return id;
    }

    // --- ListCertificatesForCare ---------------------------------------------------------------------

    @Test
    void byUnitListsTheUnitsCertificatesIncludingRevokedAndArchived() {
        String a = registeredAt(UNIT, PROVIDER, TOLVAN, LISJP, SIGNED);
        String b = registeredAt(OTHER_UNIT, PROVIDER, TOLVAN, LISJP, SIGNED.plusMinutes(1));
        String c = registeredAt(OTHER_PROVIDER_UNIT, OTHER_PROVIDER, TOLVAN, LISJP, SIGNED.plusMinutes(2));
        registeredAt(UNIT, PROVIDER, OTHER_PERSON, LISJP, SIGNED);
        assertOk(service.revokeCertificate(revoke(a, TOLVAN)));
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, b), "INVANA", "DELETE", SIGNED)));

        List<CertificateView> list = forCare(new ListCertificatesForCare(TOLVAN, null, List.of(UNIT, OTHER_UNIT)));
        assertThat(list).extracting(v -> v.id().extension()).containsExactly(a, b);
        assertThat(list.get(0).revoked()).isTrue();
        assertThat(list.get(1).statuses()).as("care does not see the archive status")
                .extracting(CertificateStatus::status).containsExactly(StatusCode.RECEIV);

        assertThat(forCare(new ListCertificatesForCare(TOLVAN, null, List.of(OTHER_PROVIDER_UNIT))))
                .extracting(v -> v.id().extension()).containsExactly(c);
    }

    @Test
    void byCareProviderTheRealServiceAppliesNoFilterAtAll() {
        String a = registeredAt(UNIT, PROVIDER, TOLVAN, LISJP, SIGNED);
        String c = registeredAt(OTHER_PROVIDER_UNIT, OTHER_PROVIDER, TOLVAN, LISJP, SIGNED.plusMinutes(2));

        assertThat(forCare(new ListCertificatesForCare(TOLVAN, PROVIDER, List.of())))
                .extracting(v -> v.id().extension()).containsExactly(a, c);
    }

    @Test
    void anErasedCertificateIsNotListed() {
        registeredAt(UNIT, PROVIDER, TOLVAN, LISJP, SIGNED);
        String c = registeredAt(OTHER_PROVIDER_UNIT, OTHER_PROVIDER, TOLVAN, LISJP, SIGNED.plusMinutes(2));
        assertThat(service.eraseCareProvider(PROVIDER).value()).isEqualTo(1);

        assertThat(forCare(new ListCertificatesForCare(TOLVAN, PROVIDER, List.of())))
                .extracting(v -> v.id().extension()).containsExactly(c);
    }

    @Test
    void aBadListRequestFaults() {
        assertFault(service.listCertificatesForCare(new ListCertificatesForCare("1912", PROVIDER, List.of())),
                "Social security number is not of correct format.");
        assertFault(service.listCertificatesForCare(new ListCertificatesForCare(TOLVAN, null, List.of())),
                "Either vardgivare-id or enhets-id is required");
    }

    // --- ListCertificatesForCitizen --------------------------------------------------------------------

    @Test
    void theCitizenListFiltersByTypeArchiveAndDate() {
        String lisjp = registeredAt(UNIT, PROVIDER, TOLVAN, LISJP, LocalDateTime.of(2025, 1, 15, 10, 0));
        String luse = registeredAt(UNIT, PROVIDER, TOLVAN, "LUSE", LocalDateTime.of(2025, 2, 15, 10, 0));
        String archived = registeredAt(UNIT, PROVIDER, TOLVAN, LISJP, LocalDateTime.of(2025, 3, 1, 10, 0));
        registeredAt(UNIT, PROVIDER, TEST_PERSON, LISJP, SIGNED);
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, archived), "INVANA", "DELETE",
                SIGNED)));

        assertThat(forCitizen(TOLVAN, List.of(), false, null, null)).containsExactly(lisjp, luse);
        assertThat(forCitizen(TOLVAN, List.of(), true, null, null)).containsExactly(archived);
        assertThat(forCitizen(TOLVAN, List.of("LUSE"), false, null, null)).containsExactly(luse);
        assertThat(forCitizen(TOLVAN, List.of(), false, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 15)))
                .containsExactly(luse);
        assertThat(forCitizen(TOLVAN, List.of(), false, null, LocalDate.of(2025, 1, 15))).containsExactly(lisjp);
        assertThat(forCitizen(TEST_PERSON, List.of(), false, null, null)).as("test certificates are not listed").isEmpty();

        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, archived), "INVANA", "RESTOR",
                SIGNED.plusHours(1))));
        assertThat(forCitizen(TOLVAN, List.of(), false, null, null)).containsExactly(lisjp, luse, archived);
    }

    @Test
    void theCitizenListShowsTheStatusesThePartMaySee() {
        String id = sentToFk();
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, id), "INVANA", "DELETE", SIGNED)));
        assertOk(service.setCertificateStatus(new SetCertificateStatus(new IntygId(UNIT, id), "INVANA", "RESTOR", SIGNED)));

        Outcome<List<CertificateView>> invana = service.listCertificatesForCitizen(
                new ListCertificatesForCitizen(TOLVAN, List.of(), false, null, null, "INVANA"));
        assertThat(invana.value().get(0).statuses()).hasSize(4);
        Outcome<List<CertificateView>> fk = service.listCertificatesForCitizen(
                new ListCertificatesForCitizen(TOLVAN, List.of(), false, null, null, FKASSA));
        assertThat(fk.value().get(0).statuses()).extracting(CertificateStatus::status)
                .containsExactly(StatusCode.RECEIV, StatusCode.SENTTO);
        assertError(service.listCertificatesForCitizen(new ListCertificatesForCitizen("x", List.of(), false, null, null,
                "INVANA")), ErrorId.VALIDATION_ERROR, "Social security number is not of correct format.");
    }

    // --- ListRelationsForCertificate ---------------------------------------------------------------------

    @Test
    void relationsAreListedInBothDirectionsWithTheRevokedFlagOfTheFromCertificate() {
        String original = registered();
        String replacing = newId();
        assertOk(service.registerCertificate(withRelation(lisjp(replacing, TOLVAN), "ERSATT", original, null)));
        assertOk(service.revokeCertificate(revoke(replacing, TOLVAN)));

        List<CertificateRelations> relations = service.listRelationsForCertificate(List.of(original, replacing, "none"))
                .value();
        Relation expected = new Relation("ERSATT", replacing, original, TODAY.atTime(8, 0), true);
        assertThat(relations).containsExactly(
                new CertificateRelations(original, List.of(expected)),
                new CertificateRelations(replacing, List.of(expected)),
                new CertificateRelations("none", List.of()));
    }

    // --- ListSickLeavesForCare -------------------------------------------------------------------------

    private static String sickLeave(String patient, String unit, String issuer, LocalDateTime signed, String diagnosis,
            SickLeavePeriod... periods) {
        String id = newId();
        assertOk(service.registerCertificate(new RegisterCertificate(new IntygId(unit, id), LISJP, "1.3", patient, unit,
                PROVIDER, issuer, "Doktor " + issuer, signed, null, null, List.of(periods), diagnosis, xml(id))));
        return id;
    }

    private static SickLeavePeriod period(String grade, String start, String end) {
        return new SickLeavePeriod(grade, LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void certificatesCloseEnoughFormOneSickLeave() {
        String first = sickLeave(TOLVAN, UNIT, DOCTOR, SIGNED.minusDays(20), "J20",
                period("HELT_NEDSATT", "2025-02-10", "2025-02-23"));
        String second = sickLeave(TOLVAN, UNIT, DOCTOR, SIGNED.minusDays(2), "F32",
                period("HALFTEN", "2025-02-27", "2025-03-20"));
        sickLeave(OTHER_PERSON, UNIT, DOCTOR, SIGNED, "J20", period("HELT_NEDSATT", "2025-01-01", "2025-01-31"));

        List<SickLeave> cases = sickLeaves(new ListSickLeavesForCare(UNIT, 5, null, null, List.of()));
        assertThat(cases).containsExactly(new SickLeave(TOLVAN, UNIT, LocalDate.of(2025, 2, 10),
                LocalDate.of(2025, 3, 20), 14 + 22, "HALFTEN", "F32", DOCTOR, "Doktor " + DOCTOR, List.of(first, second)));

        List<SickLeave> split = sickLeaves(new ListSickLeavesForCare(UNIT, 2, null, null, List.of()));
        assertThat(split).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(LocalDate.of(2025, 2, 27));
            assertThat(s.certificateIds()).containsExactly(second);
        });
    }

    @Test
    void sickLeavesAreFilteredByLengthDoctorUnitAndState() {
        sickLeave(TOLVAN, UNIT, DOCTOR, SIGNED, "J20", period("HELT_NEDSATT", "2025-03-01", "2025-03-14"));
        String revoked = sickLeave(OTHER_PERSON, UNIT, OTHER_DOCTOR, SIGNED, "J20",
                period("HELT_NEDSATT", "2025-03-01", "2025-03-31"));
        sickLeave(TEST_PERSON, UNIT, DOCTOR, SIGNED, "J20", period("HELT_NEDSATT", "2025-03-01", "2025-03-31"));
        sickLeave(OTHER_PERSON, OTHER_UNIT, DOCTOR, SIGNED, "J20", period("HELT_NEDSATT", "2025-03-01", "2025-03-31"));

        assertThat(sickLeaves(new ListSickLeavesForCare(UNIT, 5, 15, null, List.of()))).extracting(SickLeave::patientId)
                .containsExactly(OTHER_PERSON);
        assertThat(sickLeaves(new ListSickLeavesForCare(UNIT, 5, null, 14, List.of()))).extracting(SickLeave::patientId)
                .containsExactly(TOLVAN);
        assertThat(sickLeaves(new ListSickLeavesForCare(UNIT, 5, null, null, List.of(OTHER_DOCTOR))))
                .extracting(SickLeave::patientId).containsExactly(OTHER_PERSON);

        assertOk(service.revokeCertificate(revoke(revoked, OTHER_PERSON)));
        assertThat(sickLeaves(new ListSickLeavesForCare(UNIT, 5, null, null, List.of()))).extracting(SickLeave::patientId)
                .as("revoked and test certificates do not count").containsExactly(TOLVAN);

        clock.setDate(LocalDate.of(2025, 3, 15));
        assertThat(sickLeaves(new ListSickLeavesForCare(UNIT, 5, null, null, List.of())))
                .as("only sick leaves going on today").isEmpty();

        assertFault(service.listSickLeavesForCare(new ListSickLeavesForCare(" ", 5, null, null, List.of())),
                "enhets-id is required");
        assertFault(service.listSickLeavesForCare(new ListSickLeavesForCare(UNIT, -1, null, null, List.of())),
                "maxDagarMellanIntyg must not be negative");
    }

    private static List<CertificateView> forCare(ListCertificatesForCare query) {
        Outcome<List<CertificateView>> outcome = service.listCertificatesForCare(query);
        assertOk(outcome);
        return outcome.value();
    }

    private static List<String> forCitizen(String person, List<String> types, boolean archived, LocalDate from,
            LocalDate to) {
        Outcome<List<CertificateView>> outcome = service.listCertificatesForCitizen(new ListCertificatesForCitizen(person,
                types, archived, from, to, "INVANA"));
        assertOk(outcome);
        return outcome.value().stream().map(v -> v.id().extension()).toList();
    }

    private static List<SickLeave> sickLeaves(ListSickLeavesForCare query) {
        Outcome<List<SickLeave>> outcome = service.listSickLeavesForCare(query);
        assertOk(outcome);
        return outcome.value();
    }
}
