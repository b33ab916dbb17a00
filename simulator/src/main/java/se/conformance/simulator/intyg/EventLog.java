package se.conformance.simulator.intyg;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.intyg.message.Amne;
import se.conformance.simulator.intyg.message.QuestionCounts;
import se.conformance.simulator.intyg.message.QuestionCounts.Counts;
import se.conformance.simulator.intyg.store.CertificateRepository;
import se.conformance.simulator.intyg.store.CertificateRow;
import se.conformance.simulator.intyg.store.EventRepository;
import se.conformance.simulator.intyg.store.IntegratedUnits;
import se.conformance.simulator.intyg.store.MessageRepository;
import se.conformance.simulator.intyg.store.MessageRow;
import se.conformance.simulator.intyg.store.NotificationOutbox;
import se.conformance.simulator.intyg.store.NotificationOutbox.NewNotification;

/**
 * Writes an event in the caller's transaction: always to the event history, and, when the certificate's
 * unit is integrated for its type, as a pending notification carrying the certificate's XML as it is now,
 * the journal system's ref and, for the events that carry them, the question counts.
 */
final class EventLog {

    private final CertificateRepository certificates;
    private final MessageRepository messages;
    private final EventRepository events;
    private final IntegratedUnits integrated;
    private final NotificationOutbox outbox;
    private final SimulatedClock clock;

    EventLog(CertificateRepository certificates, MessageRepository messages, EventRepository events,
            IntegratedUnits integrated, NotificationOutbox outbox, SimulatedClock clock) {
        this.certificates = certificates;
        this.messages = messages;
        this.events = events;
        this.integrated = integrated;
        this.outbox = outbox;
        this.clock = clock;
    }

    void record(Connection c, String certificateId, Handelsekod code, String hanteratAv) throws SQLException {
        record(c, certificateId, code, null, null, hanteratAv);
    }

    void record(Connection c, String certificateId, Handelsekod code, String amne, LocalDate sistaDatumForSvar,
            String hanteratAv) throws SQLException {
        CertificateRow cert = certificates.find(c, certificateId).orElseThrow();
        var now = clock.now();
        events.insert(c, cert.certificateId(), cert.unitId(), code, amne, sistaDatumForSvar, hanteratAv, now);
        if (!integrated.isIntegrated(c, cert.unitId(), cert.typeCode())) return;
        Counts counts = code.carriesCounts() ? counts(c, cert.certificateId()) : Counts.NONE;
        outbox.insert(c, new NewNotification(UUID.randomUUID().toString(), cert.certificateId(), cert.unitId(),
                cert.typeCode(), code, amne, sistaDatumForSvar, hanteratAv, cert.xml(), cert.ref(),
                counts.skickadeFragor(), counts.mottagnaFragor(), now));
    }

    Counts counts(Connection c, String certificateId) throws SQLException {
        return counts(messages.forCertificate(c, certificateId));
    }

    static Counts counts(List<MessageRow> rows) {
        return QuestionCounts.of(rows.stream().map(m -> new QuestionCounts.Message(m.meddelandeId(), m.sentBySide(),
                Amne.parse(m.amne()).orElse(null), m.svarPaMeddelandeId(), m.handled())).toList());
    }
}
