package se.conformance.simulator.intyg.store;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One row of {@code intyg_certificate}: a Webcert draft or a certificate registered in Intygstjänsten.
 * {@code signedAt} is Swedish local time; the {@code *At} instants are UTC.
 */
public record CertificateRow(String certificateId, String root, String typeCode, String typeVersion, String patientId,
        String unitId, String careProviderId, String issuerId, String issuerName, State state,
        boolean testCertificate, LocalDateTime signedAt, Instant createdAt, Instant registeredAt, String ref,
        String svarPaMeddelandeId, String svarPaReferensId, String diagnosisCode, String xml) {

    /**
     * DRAFT and READY (ready to sign) are Webcert drafts; SIGNED is registered in Intygstjänsten; DELETED is
     * a deleted draft and ERASED a certificate erased by journal destruction (both invisible).
     */
    public enum State { DRAFT, READY, SIGNED, DELETED, ERASED }

    public boolean draft() {
        return state == State.DRAFT || state == State.READY;
    }

    public boolean signed() {
        return state == State.SIGNED;
    }
}
