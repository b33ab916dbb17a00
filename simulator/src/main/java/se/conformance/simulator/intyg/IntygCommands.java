package se.conformance.simulator.intyg;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Requests as the domain sees them, extracted from the contract XML by the SOAP adapter (or built by
 * the control API). Field names follow the contract elements; optional elements are {@code null} when
 * absent, repeated ones empty lists. Date-times are Swedish local time, as the contracts'
 * zone-less {@code TimeStampType}. Person-ids are the contract form: 12 digits without dash.
 */
public final class IntygCommands {
    private IntygCommands() {}

    /** {@code IntygId}: Webcert uses the unit HSA-id as root and a UUID as extension; the extension is the id. */
    public record IntygId(String root, String extension) {}

    /** {@code Relation}: relation type (KV_RELATION: ERSATT, KOMPLT, FRLANG, KOPIA) and the related certificate. */
    public record RelationRef(String type, String certificateId) {}

    /** {@code MeddelandeReferens}, used as {@code svarPa}. */
    public record MessageRef(String meddelandeId, String referensId) {}

    /** One period of svar 32 (LISJP): grade (32.1, KV_FKMU_0003) and period (32.2). */
    public record SickLeavePeriod(String grade, LocalDate start, LocalDate end) {}

    /**
     * RegisterCertificate 3, with what the adapter extracted from {@code intyg}: {@code xml} is the
     * certificate's full XML, stored and handed back unchanged. {@code periods} and
     * {@code diagnosisCode} (delsvar 6.2) are empty/null for types without them. The type-specific
     * rules (Schematron) have already passed.
     */
    public record RegisterCertificate(IntygId id, String typeCode, String typeVersion, String patientId,
            String unitId, String careProviderId, String issuerId, String issuerName, LocalDateTime signedAt,
            RelationRef relation, MessageRef svarPa, List<SickLeavePeriod> periods, String diagnosisCode,
            String xml) {
        public RegisterCertificate {
            periods = periods == null ? List.of() : List.copyOf(periods);
        }
    }

    /** GetCertificate 2: {@code part} is who asks (HSVARD, INVANA, FKASSA …). */
    public record GetCertificate(IntygId id, String part) {}

    /**
     * SendCertificateToRecipient 2. {@code skickatAv} is either a care professional
     * ({@code sentByHsaId}) or the citizen ({@code sentByPersonId}).
     */
    public record SendCertificateToRecipient(LocalDateTime skickatTidpunkt, IntygId id, String patientId,
            String recipient, String sentByHsaId, String sentByPersonId) {}

    /** RevokeCertificate 2. */
    public record RevokeCertificate(String meddelande, LocalDateTime skickatTidpunkt, IntygId id, String patientId,
            String revokedByHsaId) {}

    /** SetCertificateStatus 2. {@code status} is a KV_STATUS code as received (an unknown one is refused). */
    public record SetCertificateStatus(IntygId id, String part, String status, LocalDateTime tidpunkt) {}

    /** ListCertificatesForCare 3: the contract's choice, either {@code careProviderId} or {@code unitIds}. */
    public record ListCertificatesForCare(String personId, String careProviderId, List<String> unitIds) {
        public ListCertificatesForCare {
            unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        }
    }

    /** ListCertificatesForCitizen 4. {@code archived}: true lists only archived, false only the others. */
    public record ListCertificatesForCitizen(String personId, List<String> typeCodes, boolean archived,
            LocalDate from, LocalDate to, String part) {
        public ListCertificatesForCitizen {
            typeCodes = typeCodes == null ? List.of() : List.copyOf(typeCodes);
        }
    }

    /** ListSickLeavesForCare 1. {@code issuerIds} ({@code personal-id*}) empty means every doctor. */
    public record ListSickLeavesForCare(String unitId, int maxDaysBetween, Integer minLength, Integer maxLength,
            List<String> issuerIds) {
        public ListSickLeavesForCare {
            issuerIds = issuerIds == null ? List.of() : List.copyOf(issuerIds);
        }
    }

    /** One {@code komplettering} item of a KOMPLT question: the svar id, optional instans, and the text. */
    public record Complement(String frageId, Integer instans, String text) {}

    /** Which producer a SendMessageToCare reaches: Intygstjänsten (the hub) or Webcert directly (care side). */
    public enum MessageEndpoint { INTYGSTJANSTEN, WEBCERT }

    /** SendMessageToCare 2 (recipient → care). {@code sentByPart} is {@code skickatAv.part.code}. */
    public record SendMessageToCare(MessageEndpoint endpoint, String meddelandeId, String referensId,
            LocalDateTime skickatTidpunkt, IntygId certificateId, String patientId, String logiskAdressMottagare,
            String amne, String rubrik, String meddelande, String paminnelseMeddelandeId, MessageRef svarPa,
            String sentByPart, List<String> kontaktInfo, List<Complement> complements, LocalDate sistaDatumForSvar) {
        public SendMessageToCare {
            kontaktInfo = kontaktInfo == null ? List.of() : List.copyOf(kontaktInfo);
            complements = complements == null ? List.of() : List.copyOf(complements);
        }
    }

    /** SendMessageToRecipient 2 (care → recipient). {@code skickatAv} is a care professional. */
    public record SendMessageToRecipient(String meddelandeId, String referensId, LocalDateTime skickatTidpunkt,
            IntygId certificateId, String patientId, String logiskAdressMottagare, String amne, String rubrik,
            String meddelande, String paminnelseMeddelandeId, MessageRef svarPa, String sentByHsaId,
            String sentByName, LocalDate sistaDatumForSvar) {}

    /** {@code core:Patient} of CreateDraftCertificate. */
    public record Patient(String personId, List<String> fornamn, String mellannamn, String efternamn) {
        public Patient {
            fornamn = fornamn == null ? List.of() : List.copyOf(fornamn);
        }
    }

    /**
     * CreateDraftCertificate 3. {@code draftXml} is the draft's content as the adapter renders it (an
     * {@code intyg} element); notifications carry it until the draft changes.
     */
    public record CreateDraftCertificate(String typeCode, Patient patient, String personalId,
            String fullstandigtNamn, String unitId, String unitName, String ref, String draftXml) {}

    /** ListCertificatesForCareWithQA 3. */
    public record ListCertificatesForCareWithQA(String personId, List<String> unitIds, String careProviderId,
            LocalDateTime from, LocalDateTime to) {
        public ListCertificatesForCareWithQA {
            unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        }
    }

    // --- what a doctor does in Webcert (the control API calls these) ---------------------------------

    /** A change of a draft's content by {@code hsaId}. */
    public record UpdateDraft(String certificateId, String draftXml, String hsaId) {}

    /** An action on one certificate or draft by the user {@code hsaId} (ready to sign, delete, send, revoke). */
    public record CertificateAction(String certificateId, String hsaId) {}

    /**
     * Signing a draft: {@code registration} is the RegisterCertificate the adapter built from the draft
     * (its id must be the draft's); {@code hsaId} is the signing doctor.
     */
    public record SignDraft(RegisterCertificate registration, String hsaId) {}

    /** A doctor sends a signed certificate; {@code recipient} null means the type's default recipient. */
    public record SendSigned(String certificateId, String recipient, String hsaId) {}

    /** A doctor revokes a signed certificate, with an optional reason. */
    public record RevokeSigned(String certificateId, String reason, String hsaId) {}

    /**
     * The recipient {@code recipient} (FKASSA, TRANSP …) asks a question or answers one: a SendMessageToCare
     * through Intygstjänsten with a new meddelande-id, sent now, to the certificate's unit.
     */
    public record RecipientMessage(String certificateId, String recipient, String amne, String rubrik,
            String meddelande, String svarPaMeddelandeId, String paminnelseMeddelandeId, List<Complement> complements,
            LocalDate sistaDatumForSvar) {
        public RecipientMessage {
            complements = complements == null ? List.of() : List.copyOf(complements);
        }
    }

    /**
     * A doctor in Webcert asks the certificate's recipient a question or answers one: a SendMessageToRecipient
     * with a new meddelande-id, sent now. Answering a KOMPLT question is the "kan ej komplettera" answer.
     */
    public record CareMessage(String certificateId, String hsaId, String amne, String rubrik, String meddelande,
            String svarPaMeddelandeId) {}

    /** Marks a question handled (closed) or re-opens it. */
    public record SetQuestionHandled(String meddelandeId, boolean handled, String hsaId) {}
}
