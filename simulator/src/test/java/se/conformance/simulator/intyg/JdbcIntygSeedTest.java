package se.conformance.simulator.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.FKASSA;
import static se.conformance.simulator.intyg.seed.JdbcIntygSeed.TOLVAN;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.intyg.IntygSeed.CertificateType;
import se.conformance.simulator.intyg.IntygSeed.HsaUser;
import se.conformance.simulator.intyg.IntygSeed.Person;
import se.conformance.simulator.intyg.IntygSeed.PuSwitches;
import se.conformance.simulator.intyg.IntygSeed.Recipient;

/** The default seed as documented, and changes that apply to the next call. */
class JdbcIntygSeedTest extends IntygServiceTestBase {

    @Test
    void theDefaultSeedIsTheDocumentedOne() {
        assertThat(seed.certificateTypes()).extracting(CertificateType::code).containsExactly("IGRAV", "ITFP", "LISJP",
                "LUAE_FS", "LUAE_NA", "LUMEK", "LUNSP", "LUSE", "TSTRK1007", "TSTRK1031");
        CertificateType lisjp = seed.certificateTypes().stream().filter(t -> t.code().equals(LISJP)).findFirst()
                .orElseThrow();
        assertThat(lisjp.versions()).containsExactly("1.0", "1.1", "1.2", "1.3");
        assertThat(lisjp.issuerTypeId()).isEqualTo("FK 7804");
        assertThat(lisjp.defaultRecipient()).isEqualTo(FKASSA);
        CertificateType ts = seed.certificateTypes().stream().filter(t -> t.code().equals("TSTRK1031")).findFirst()
                .orElseThrow();
        assertThat(ts.versions()).containsExactly("2.6", "2.8", "3.0", "4.0", "4.1", "4.2");
        assertThat(ts.defaultRecipient()).isEqualTo("TRANSP");
        assertThat(seed.recipients()).extracting(Recipient::id).containsExactly(FKASSA, "TRANSP");
        assertThat(seed.recipients().get(0).typeCodes()).hasSize(8);
        assertThat(seed.persons()).extracting(Person::personId).contains(TOLVAN).hasSize(7);
        assertThat(seed.persons()).filteredOn(p -> p.personId().equals(TOLVAN)).extracting(Person::fornamn)
                .containsExactly("Tolvan");
        assertThat(seed.users()).extracting(HsaUser::name).contains("Ajla Doktor");
        assertThat(seed.careProviders()).hasSize(2);
        assertThat(seed.puSwitches()).isEqualTo(PuSwitches.NONE);
        assertThat(seed.loadDefaultIfEmpty()).isFalse();
    }

    @Test
    void resetErasesCertificates() {
        String id = registered();
        seed.resetToDefault();
        assertThat(service.getCertificateTypeInfo(id).isFault()).isTrue();
    }

    @Test
    void aPersonAddedToTheRegisterIsFoundAtTheNextCall() {
        String person = "197807721233";
        assertThat(service.registerCertificate(lisjp(newId(), person)).resultCode()).isEqualTo(ResultCode.ERROR);
        seed.putPerson(Person.of(person, "Ny", "Person"));
        assertOk(service.registerCertificate(lisjp(newId(), person)));
        seed.removePerson(person);
        assertThat(service.registerCertificate(lisjp(newId(), person)).resultCode()).isEqualTo(ResultCode.ERROR);
    }

    @Test
    void aVendorEndpointIsStoredOnTheRecipient() {
        seed.registerRecipientEndpoint(FKASSA, "http://127.0.0.1:9999/fk");
        assertThat(seed.recipients().get(0).endpointUrl()).isEqualTo("http://127.0.0.1:9999/fk");
        seed.registerRecipientEndpoint(FKASSA, null);
        assertThat(seed.recipients().get(0).endpointUrl()).isNull();
        assertThatThrownBy(() -> seed.registerRecipientEndpoint("NOSUCH", "http://x")).isInstanceOf(
                IllegalArgumentException.class);
    }

    @Test
    void inconsistentSeedDataIsRefused() {
        assertThatThrownBy(() -> seed.putCertificateType(new CertificateType("X", "x", null, FKASSA, List.of(), false,
                true, false))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> seed.putPerson(Person.of("19121212-1212", "a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
