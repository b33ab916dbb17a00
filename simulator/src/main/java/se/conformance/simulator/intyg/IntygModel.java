package se.conformance.simulator.intyg;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import se.conformance.simulator.intyg.IntygCommands.IntygId;
import se.conformance.simulator.intyg.message.Arenden;
import se.conformance.simulator.intyg.status.CertificateStatus;

/**
 * What the operations answer, free of XML. Date-times are Swedish local time (the contracts'
 * zone-less time stamps).
 */
public final class IntygModel {
    private IntygModel() {}

    /** Where a certificate is in its life: a Webcert draft, ready to sign, or signed (registered in Intygstjänsten). */
    /** DELETED: a draft the doctor deleted (RADERA); only the operator's view shows it. */
    public enum Lifecycle { DRAFT, READY, SIGNED, DELETED }

    /**
     * A certificate (or draft) as stored. {@code statuses} are already filtered for the asking part;
     * {@code xml} is the stored certificate XML, unchanged (the adapter adds the statuses to it).
     * {@code relation} is the one relation the certificate's registration carried, or null.
     */
    public record CertificateView(IntygId id, String typeCode, String typeVersion, String patientId, String unitId,
            String careProviderId, String issuerId, String issuerName, LocalDateTime signedAt, Lifecycle lifecycle,
            boolean testCertificate, boolean revoked, RelationView relation, List<CertificateStatus> statuses,
            String xml) {}

    public record RelationView(String type, String certificateId) {}

    /** GetCertificateTypeInfo 1: the certificate's type and type version. */
    public record TypeInfo(String typeCode, String typeVersion) {}

    /**
     * One relation of ListRelationsForCertificate 1: {@code from} relates to {@code to} by {@code type}
     * (a KOMPLT certificate is the {@code from} of its original); {@code fromRevoked} is
     * {@code fran-intyg-makulerat}.
     */
    public record Relation(String type, String fromCertificateId, String toCertificateId, LocalDateTime created,
            boolean fromRevoked) {}

    /** The relations of one asked-for certificate, both directions. */
    public record CertificateRelations(String certificateId, List<Relation> relations) {}

    /**
     * One sick-leave case (sjukfall) of ListSickLeavesForCare 1: a patient's merged svar-32 periods at a
     * unit. {@code days} counts the days covered by a period (gaps between certificates not counted);
     * {@code grade} is the grade of the period covering the asked date, or of the last period;
     * {@code diagnosisCode} and {@code issuerId} are those of the latest certificate in the case.
     */
    public record SickLeave(String patientId, String unitId, LocalDate start, LocalDate end, int days, String grade,
            String diagnosisCode, String issuerId, String issuerName, List<String> certificateIds) {}

    /** {@code Handelse}: one event of a certificate. */
    public record EventView(Handelsekod code, LocalDateTime at, String amne, LocalDate sistaDatumForSvar,
            String hanteratAv) {}

    /** One item of ListCertificatesForCareWithQA 3. */
    public record CertificateWithQa(CertificateView certificate, List<EventView> events, Arenden skickadeFragor,
            Arenden mottagnaFragor, String ref) {}

    /** A stored question or answer (for the control API and tests). */
    public record MessageView(String meddelandeId, String certificateId, String referensId, String amne,
            String rubrik, String meddelande, String sentBySide, String sentBy, String svarPaMeddelandeId,
            String paminnelseMeddelandeId, LocalDate sistaDatumForSvar, List<IntygCommands.Complement> complements,
            boolean handled, String handledBy, LocalDateTime skickatTidpunkt) {}
}
