package se.conformance.simulator.intyg.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.IntygCommands.SendMessageToRecipient;
import se.conformance.simulator.intyg.RecipientGateway;
import se.conformance.simulator.intyg.store.RecipientInbox.Entry;
import se.conformance.simulator.intyg.store.RecipientInbox.Operation;

/**
 * The simulated recipients (FKASSA, TRANSP …): every delivery is accepted and recorded in the
 * {@link RecipientInbox}, in the caller's transaction, at the simulated time. A recipient with a vendor
 * endpoint URL is recorded the same way; an HTTP gateway for such recipients decorates this one.
 */
public final class InboxRecipientGateway implements RecipientGateway {

    private final RecipientInbox inbox;
    private final SimulatedClock clock;

    public InboxRecipientGateway(RecipientInbox inbox, SimulatedClock clock) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Delivery registerCertificate(Connection c, Recipient recipient, CertificateDelivery d) throws SQLException {
        inbox.insert(c, new Entry(0, recipient.id(), Operation.RegisterCertificate, d.certificateId(), d.patientId(),
                d.xml(), null, null, null, null, null, clock.now()));
        return Delivery.accept();
    }

    @Override
    public Delivery revokeCertificate(Connection c, Recipient recipient, RevocationDelivery d) throws SQLException {
        inbox.insert(c, new Entry(0, recipient.id(), Operation.RevokeCertificate, d.certificateId(), d.patientId(), null,
                null, null, null, d.meddelande(), d.revokedByHsaId(), clock.now()));
        return Delivery.accept();
    }

    @Override
    public Delivery sendMessage(Connection c, Recipient recipient, MessageDelivery d) throws SQLException {
        SendMessageToRecipient m = d.message();
        inbox.insert(c, new Entry(0, recipient.id(), Operation.SendMessageToRecipient, m.certificateId().extension(),
                m.patientId(), null, m.meddelandeId(), m.amne(), m.svarPa() == null ? null : m.svarPa().meddelandeId(),
                m.meddelande(), m.sentByHsaId(), clock.now()));
        return Delivery.accept();
    }
}
