package se.conformance.simulator.intyg.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.IntygSeed.HsaUser;
import se.conformance.simulator.intyg.RecipientGateway;
import se.conformance.simulator.intyg.store.CertificateRepository;
import se.conformance.simulator.intyg.store.CertificateRow;
import se.conformance.simulator.intyg.store.InboxRecipientGateway;
import se.conformance.simulator.intyg.store.RecipientInbox;
import se.conformance.simulator.intyg.store.ReferenceRepository;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.TraceIds;
import se.conformance.simulator.store.Database;

/**
 * The recipients as Intygstjänsten reaches them: a recipient with a vendor-registered endpoint
 * ({@link Recipient#endpointUrl()}) gets RegisterCertificate 3, RevokeCertificate 2 and
 * SendMessageToRecipient 2 over HTTP, one SOAP call each, addressed to the recipient's id; every other
 * recipient is the simulated one behind it ({@code simulated}, normally the {@link InboxRecipientGateway}).
 *
 * <p>The call is synchronous and short (it runs inside the change's transaction, holding the certificate's
 * row lock): {@link DeliverySettings#forRecipients()} by default. OK or INFO is accepted, and the delivery
 * is then also recorded by {@code simulated}, so the inbox lists everything every recipient received;
 * ERROR, a SOAP fault, no (valid) answer or a request of ours that does not validate is a refused
 * {@link Delivery} with the reason, and nothing is recorded. Every call is one journal entry
 * (direction OUTBOUND), written whether the change then commits or not. No call is resent.
 */
public final class HttpRecipientGateway implements RecipientGateway {

    private final RecipientGateway simulated;
    private final OutboundJournal journal;
    private final SimulatedClock clock;
    private final SoapClient client;
    private final CertificateRepository certificates = new CertificateRepository();
    private final ReferenceRepository reference = new ReferenceRepository();

    public HttpRecipientGateway(RecipientGateway simulated, Journal journal, SimulatedClock clock,
            DeliverySettings settings) {
        this.simulated = Objects.requireNonNull(simulated, "simulated");
        this.journal = new OutboundJournal(journal);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = new SoapClient(Objects.requireNonNull(settings, "settings"));
    }

    /** Over the simulated recipients' inbox in {@code db}, with {@link DeliverySettings#forRecipients()}. */
    public HttpRecipientGateway(Database db, SimulatedClock clock, Journal journal) {
        this(new InboxRecipientGateway(new RecipientInbox(db), clock), journal, clock,
                DeliverySettings.forRecipients());
    }

    @Override
    public Delivery registerCertificate(Connection c, Recipient recipient, CertificateDelivery d) throws SQLException {
        if (!vendor(recipient)) return simulated.registerCertificate(c, recipient, d);
        CertificateRow row = certificates.find(c, d.certificateId()).orElse(null);
        Delivery delivery = call(recipient, () -> RecipientRequests.registerCertificate(recipient.id(), d, row));
        return delivery.accepted() ? simulated.registerCertificate(c, recipient, d) : delivery;
    }

    @Override
    public Delivery revokeCertificate(Connection c, Recipient recipient, RevocationDelivery d) throws SQLException {
        if (!vendor(recipient)) return simulated.revokeCertificate(c, recipient, d);
        CertificateRow row = certificates.find(c, d.certificateId()).orElse(null);
        String name = userName(c, d.revokedByHsaId()).orElse(null);
        Delivery delivery = call(recipient, () -> RecipientRequests.revokeCertificate(recipient.id(), d, row, name));
        return delivery.accepted() ? simulated.revokeCertificate(c, recipient, d) : delivery;
    }

    @Override
    public Delivery sendMessage(Connection c, Recipient recipient, MessageDelivery d) throws SQLException {
        if (!vendor(recipient)) return simulated.sendMessage(c, recipient, d);
        CertificateRow row = certificates.find(c, d.message().certificateId().extension()).orElse(null);
        Delivery delivery = call(recipient, () -> RecipientRequests.sendMessage(recipient.id(), d, row));
        return delivery.accepted() ? simulated.sendMessage(c, recipient, d) : delivery;
    }

    private static boolean vendor(Recipient recipient) {
        return recipient.endpointUrl() != null && !recipient.endpointUrl().isBlank();
    }

    private Delivery call(Recipient recipient, Supplier<OutboundRequest> build) {
        Instant at = clock.now();
        Instant wall = Instant.now();
        String traceId = TraceIds.next();
        OutboundRequest request = build.get();
        SoapClient.Response response = request.sendable() ? client.call(recipient.endpointUrl(), request, traceId)
                : OutboundJournal.notSent(request);
        Reply reply = response.reply();
        String answer = reply.contractAnswer() ? ": " + reply.summary() : "";
        journal.record(traceId, request, at, wall, response, "to " + recipient.endpointUrl() + answer + "; "
                + (reply.accepted() ? "accepted" : "refused"));
        if (reply.accepted()) return Delivery.accept();
        return Delivery.refuse(reply.resultCode() + (reply.text() == null ? "" : " " + reply.text()));
    }

    private Optional<String> userName(Connection c, String hsaId) throws SQLException {
        if (hsaId == null) return Optional.empty();
        return reference.users(c).stream().filter(u -> hsaId.equals(u.hsaId())).map(HsaUser::name).findFirst();
    }
}
