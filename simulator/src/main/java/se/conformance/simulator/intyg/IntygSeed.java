package se.conformance.simulator.intyg;

import java.util.List;
import java.util.Objects;

/**
 * The reference data the intyg rules read: certificate types and their versions, recipients, the
 * population register (PU) with its switches, and the HSA catalogue (care providers, units, users and
 * their medarbetaruppdrag). The control API writes it; {@link #resetToDefault()} restores the documented
 * seed ({@code docs/intyg-rules.md}, "Default seed") and erases every certificate, draft, message,
 * event, notification, inbox entry and registration.
 */
public interface IntygSeed {

    /** The medarbetaruppdrag (MIU) purpose that lets a user create drafts on a unit. */
    String CARE_AND_TREATMENT = "Vård och behandling";

    /**
     * A certificate type (KV_INTYGSTYP code) with the text versions Intygstjänsten accepts; the latest is
     * the one Webcert writes drafts in. {@code protectedIdentityAllowed}: may be issued for a patient with
     * sekretessmarkering; {@code messagingBlocked}: Webcert takes no questions for it (§1.3 "blacklisted").
     */
    record CertificateType(String code, String name, String issuerTypeId, String defaultRecipient,
            List<String> versions, boolean deprecated, boolean protectedIdentityAllowed, boolean messagingBlocked) {
        public CertificateType {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(defaultRecipient, "defaultRecipient");
            versions = List.copyOf(versions);
        }
    }

    /**
     * A recipient (KV_PART code) and the certificate types it accepts. {@code endpointUrl} is set when a
     * vendor registered its own endpoint instead of the simulated recipient; an inactive recipient
     * receives nothing.
     */
    record Recipient(String id, String name, List<String> typeCodes, boolean active, String endpointUrl) {
        public Recipient {
            Objects.requireNonNull(id, "id");
            typeCodes = List.copyOf(typeCodes);
        }
    }

    /** A person of the population register, with the per-person switches. */
    record Person(String personId, String fornamn, String mellannamn, String efternamn, String postadress,
            String postnummer, String postort, boolean protectedIdentity, boolean deceased, boolean testIndicated,
            boolean notFound, boolean unreachable) {
        public Person {
            Objects.requireNonNull(personId, "personId");
        }

        public static Person of(String personId, String fornamn, String efternamn) {
            return new Person(personId, fornamn, null, efternamn, "Testgatan 1", "11122", "Teststad", false, false,
                    false, false, false);
        }
    }

    /** Switches that apply to every person of the register, on top of the per-person ones. */
    record PuSwitches(boolean notFound, boolean unreachable, boolean protectedIdentity, boolean deceased,
            boolean testIndicated) {
        public static final PuSwitches NONE = new PuSwitches(false, false, false, false, false);
    }

    record CareUnit(String hsaId, String name) {}

    record CareProvider(String hsaId, String name, List<CareUnit> units) {
        public CareProvider {
            units = List.copyOf(units);
        }
    }

    /** A medarbetaruppdrag: the user works on {@code unitId} for {@code purpose}. */
    record Assignment(String unitId, String purpose) {}

    record HsaUser(String hsaId, String name, List<Assignment> assignments) {
        public HsaUser {
            assignments = List.copyOf(assignments);
        }
    }

    /**
     * A vendor system that may call for the care providers {@code careProviderIds} (issue 5): it sees and
     * changes only their certificates, drafts and messages.
     */
    record CallingSystem(String hsaId, String name, List<String> careProviderIds) {
        public CallingSystem {
            Objects.requireNonNull(hsaId, "hsaId");
            careProviderIds = careProviderIds == null ? List.of() : List.copyOf(careProviderIds);
        }
    }

    void resetToDefault();

    void putCertificateType(CertificateType type);

    List<CertificateType> certificateTypes();

    void putRecipient(Recipient recipient);

    List<Recipient> recipients();

    /** A vendor's own endpoint for a recipient (null: back to the simulated recipient). */
    void registerRecipientEndpoint(String recipientId, String endpointUrl);

    void putPerson(Person person);

    void removePerson(String personId);

    List<Person> persons();

    void setPuSwitches(PuSwitches switches);

    PuSwitches puSwitches();

    void putCareProvider(CareProvider careProvider);

    List<CareProvider> careProviders();

    void putUser(HsaUser user);

    List<HsaUser> users();

    void putCallingSystem(CallingSystem system);

    /** @return whether there was one */
    boolean removeCallingSystem(String hsaId);

    List<CallingSystem> callingSystems();
}
