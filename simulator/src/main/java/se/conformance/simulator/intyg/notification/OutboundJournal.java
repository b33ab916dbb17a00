package se.conformance.simulator.intyg.notification;

import java.time.Instant;
import java.util.Objects;
import se.conformance.simulator.journal.Exchange.Validation;
import se.conformance.simulator.journal.Journal;
import se.conformance.simulator.journal.JournalEntry;

/**
 * Writes one journal entry per outbound call, in the journal's columns: direction {@code OUTBOUND},
 * service {@code intyg}, caller {@value #CALLER}, logical address and indexes from the request,
 * {@code validation} about the vendor's answer (see {@link Reply}), {@code validationText} what this
 * attempt was and what follows from it, {@code faultText} what went wrong outside the contract (fault,
 * transport, invalid answer, request not sent), and the raw request and answer.
 */
final class OutboundJournal {

    /** The calling system of an outbound call: the simulator (as Webcert or Intygstjänsten). */
    static final String CALLER = "simulator";
    static final String DIRECTION = "OUTBOUND";

    private static final System.Logger LOG = System.getLogger(OutboundJournal.class.getName());

    private final Journal journal;

    OutboundJournal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * @param note what the attempt was and what follows, e.g.
     *             {@code attempt 2 of 30 to http://…: ERROR:TECHNICAL_ERROR «…»; resend at …}
     */
    void record(String traceId, OutboundRequest request, Instant simulatedTime, Instant wallTime,
            SoapClient.Response response, String note) {
        Reply reply = response.reply();
        try {
            journal.append(new JournalEntry(0, traceId, DIRECTION, OutboundOperation.SERVICE,
                    request.operation().operationName(), simulatedTime, wallTime, CALLER, null,
                    clip(request.logicalAddress(), 64), clip(request.careProviderId(), 64),
                    clip(request.personId(), 32), reply.validation().name(), note, reply.resultCode(),
                    reply.contractAnswer() ? null : reply.text(), null, response.httpStatus(),
                    response.durationMillis(), request.envelope(), response.body(), null));
        } catch (RuntimeException e) {
            // the call happened and its outcome is recorded on the notification; say loudly that the entry is lost
            LOG.log(System.Logger.Level.ERROR, "journal entry for outbound trace " + traceId + " lost", e);
        }
    }

    /** The index columns are short; what we read from stored XML is cut to fit rather than lose the entry. */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * Text as a database column can keep it: PostgreSQL refuses NUL characters in text, and a vendor's
     * answer may hold any bytes.
     */
    static String storable(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** For a request that did not validate: nothing was sent. */
    static SoapClient.Response notSent(OutboundRequest request) {
        return new SoapClient.Response(new Reply(Reply.Kind.NOT_SENT, null, request.notSentText(),
                Validation.NOT_CHECKED), null, null, 0);
    }
}
