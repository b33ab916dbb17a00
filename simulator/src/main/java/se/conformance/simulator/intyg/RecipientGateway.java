package se.conformance.simulator.intyg;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * The outbound port to recipients (Försäkringskassan, Transportstyrelsen …): what Intygstjänsten calls
 * on a recipient — RegisterCertificate 3 (a sent certificate), RevokeCertificate 2 (a revocation of a
 * certificate the recipient received) and SendMessageToRecipient 2 (a question or answer from care).
 *
 * <p>The service calls it inside the database transaction of the change, holding the certificate's
 * row lock, with that transaction's connection: an implementation that writes to the database (the
 * simulated recipients' inbox) uses {@code c} so that its write commits or rolls back with the change.
 * An implementation that calls a vendor's endpoint over HTTP should keep the call short (it holds the
 * lock) and must not use {@code c} after returning. A refused {@link Delivery} makes
 * the operation answer the real service's "couldn't be sent" error and roll back.
 */
public interface RecipientGateway {

    /** A recipient as the registry holds it; {@code endpointUrl} is set when a vendor registered its own endpoint. */
    record Recipient(String id, String name, String endpointUrl) {}

    /** A certificate to deliver: the XML stored at registration, unchanged. */
    record CertificateDelivery(String certificateId, String typeCode, String patientId, String xml) {}

    /** A revocation to forward. */
    record RevocationDelivery(String certificateId, String typeCode, String patientId, String meddelande,
            String revokedByHsaId, LocalDateTime skickatTidpunkt) {}

    /** A message from care to forward (the fields of SendMessageToRecipient). */
    record MessageDelivery(IntygCommands.SendMessageToRecipient message, String typeCode) {}

    /** What the recipient answered: accepted, or refused with the reason (its resultText or the transport error). */
    record Delivery(boolean accepted, String detail) {
        public static Delivery accept() {
            return new Delivery(true, null);
        }

        public static Delivery refuse(String detail) {
            return new Delivery(false, detail);
        }
    }

    Delivery registerCertificate(Connection c, Recipient recipient, CertificateDelivery delivery) throws SQLException;

    Delivery revokeCertificate(Connection c, Recipient recipient, RevocationDelivery delivery) throws SQLException;

    Delivery sendMessage(Connection c, Recipient recipient, MessageDelivery delivery) throws SQLException;
}
