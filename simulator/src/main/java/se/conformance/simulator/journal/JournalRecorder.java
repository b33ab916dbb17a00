package se.conformance.simulator.journal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.SubEvent;
import java.time.Instant;
import java.util.Map;
import se.conformance.simulator.clock.SimulatedClock;

/**
 * Writes a journal entry when WireMock has rendered the answer to a SOAP exchange and before it
 * is sent, so an entry is in the journal by the time the caller holds the answer: the raw request and
 * response from the serve event, the facts the dispatcher attached as an {@link Exchange}.
 * Exchanges without such a note (control API, unknown paths) are not journalled.
 */
public final class JournalRecorder implements ServeEventListener {

    private static final System.Logger LOG = System.getLogger(JournalRecorder.class.getName());

    private final Journal journal;
    private final SimulatedClock clock;

    public JournalRecorder(Journal journal, SimulatedClock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return "journal-recorder";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        Map<String, Object> note = null;
        for (SubEvent sub : event.getSubEvents()) {
            if (Exchange.SUB_EVENT_TYPE.equals(sub.getType())) note = sub.getData();
        }
        if (note == null) return;
        LoggedResponse response = event.getResponse();
        // Time from arrival to a rendered answer; a fault rule's delay comes after and is not counted.
        Integer duration = event.getRequest().getLoggedDate() == null ? null
                : (int) (System.currentTimeMillis() - event.getRequest().getLoggedDate().getTime());
        try {
            journal.append(new JournalEntry(0, (String) note.get("traceId"), (String) note.get("direction"),
                    (String) note.get("service"), (String) note.get("operation"), clock.now(), Instant.now(),
                    (String) note.get("caller"), event.getRequest().getClientIp(),
                    (String) note.get("logicalAddress"),
                    // as the dispatcher found them; when neither, the journal's writer reads the body
                    (String) note.get("carePrincipalId"), (String) note.get("personId"),
                    (String) note.get("validation"),
                    (String) note.get("validationText"), (String) note.get("resultCode"),
                    (String) note.get("faultText"), (String) note.get("faultRuleId"),
                    response == null ? null : response.getStatus(), duration,
                    event.getRequest().getBodyAsString(), responseBody(note, response),
                    (String) note.get("callerKind")));
        } catch (RuntimeException e) {
            // The vendor already has its answer; a journal failure must be loud for the operator.
            LOG.log(System.Logger.Level.ERROR, "journal entry for trace " + note.get("traceId") + " lost", e);
        }
    }

    /** The body the dispatcher wrote when it says so (the bytes sent are that text in UTF-8), else WireMock's. */
    private static String responseBody(Map<String, Object> note, LoggedResponse response) {
        Object written = note.get("responseBody");
        if (written instanceof String s) return s;
        return response == null ? null : response.getBodyAsString();
    }
}
