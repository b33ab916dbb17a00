package se.conformance.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.conformance.simulator.journal.JournalChain.Head;
import se.conformance.simulator.journal.JournalChain.Link;
import se.conformance.simulator.journal.JournalChain.Problem;
import se.conformance.simulator.journal.JournalChain.Verification;

/** The chain's rules without a database: a table of tamperings and the break each must be reported as. */
class JournalChainTest {

    static JournalEntry entry(long seq, String response) {
        return new JournalEntry(seq, "trace-" + seq, "INBOUND", "efrikort", "RegisterTransaction",
                Instant.parse("2025-03-10T08:00:00.123456Z"), Instant.parse("2026-11-25T01:00:00.000001Z"), null,
                "127.0.0.1", "SE2321000016-39KJ", "SE2321000016-39KJ", "191212121212", "VALID", null, "OK", null, null,
                200, 3, "<request/>", response, null);
    }

    /** Five entries chained from the genesis hash, and the head that names the last. */
    static List<Link> chain(int n) {
        List<Link> links = new ArrayList<>();
        String prev = JournalChain.GENESIS;
        for (long seq = 1; seq <= n; seq++) {
            JournalEntry e = entry(seq, "<answer n='" + seq + "'/>");
            String hash = JournalChain.hash(prev, e);
            links.add(new Link(e, prev, hash));
            prev = hash;
        }
        return links;
    }

    static Head head(List<Link> links) {
        Link last = links.get(links.size() - 1);
        return new Head(0, JournalChain.GENESIS, last.entry().seq(), last.entryHash());
    }

    static Verification walk(Head head, List<Link> links) {
        JournalChain.Verifier v = new JournalChain.Verifier(head);
        links.forEach(v::accept);
        return v.result();
    }

    static JournalEntry withResponse(JournalEntry e, String response) {
        return new JournalEntry(e.seq(), e.traceId(), e.direction(), e.service(), e.operation(), e.simulatedTime(),
                e.wallTime(), e.caller(), e.clientAddress(), e.logicalAddress(), e.carePrincipalId(), e.personId(),
                e.validation(), e.validationText(), e.resultCode(), e.faultText(), e.faultRuleId(), e.httpStatus(),
                e.durationMillis(), e.requestBody(), response, e.callerKind());
    }

    @Test
    void anIntactChainVerifies() {
        List<Link> links = chain(5);
        Verification v = walk(head(links), links);
        assertThat(v.ok()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(5);
        assertThat(v.lastHash()).isEqualTo(links.get(4).entryHash());
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        JournalEntry e = entry(1, "<a/>");
        String hash = JournalChain.hash(JournalChain.GENESIS, e);
        assertThat(JournalChain.hash(JournalChain.GENESIS, withResponse(e, "<b/>"))).isNotEqualTo(hash);
        assertThat(JournalChain.hash(JournalChain.GENESIS, withResponse(e, null))).as("null is not the empty text")
                .isNotEqualTo(JournalChain.hash(JournalChain.GENESIS, withResponse(e, "")));
        assertThat(JournalChain.hash("1".repeat(64), e)).as("the link to the previous entry").isNotEqualTo(hash);
        assertThat(JournalChain.hash(JournalChain.GENESIS, new JournalEntry(2, e.traceId(), e.direction(), e.service(),
                e.operation(), e.simulatedTime(), e.wallTime(), e.caller(), e.clientAddress(), e.logicalAddress(),
                e.carePrincipalId(), e.personId(), e.validation(), e.validationText(), e.resultCode(), e.faultText(),
                e.faultRuleId(), e.httpStatus(), e.durationMillis(), e.requestBody(), e.responseBody(), e.callerKind())))
                .as("the seq").isNotEqualTo(hash);
        assertThat(JournalChain.hash(JournalChain.GENESIS, JournalChain.storable(
                new JournalEntry(1, e.traceId(), e.direction(), e.service(), e.operation(),
                        e.simulatedTime().plusNanos(999), e.wallTime(), e.caller(), e.clientAddress(), e.logicalAddress(),
                        e.carePrincipalId(), e.personId(), e.validation(), e.validationText(), e.resultCode(),
                        e.faultText(), e.faultRuleId(), e.httpStatus(), e.durationMillis(), e.requestBody(),
                        e.responseBody(), e.callerKind()), 1)))
                .as("below a microsecond, which neither database keeps, does not count").isEqualTo(hash);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                tampering("a response body changed", l -> {
                    l.set(2, new Link(withResponse(l.get(2).entry(), "<forged/>"), l.get(2).prevHash(), l.get(2).entryHash()));
                    return l;
                }, Problem.ALTERED, 3, "entry 3: its fields do not match its hash"),
                tampering("a body changed and its hash recomputed", l -> {
                    JournalEntry forged = withResponse(l.get(2).entry(), "<forged/>");
                    l.set(2, new Link(forged, l.get(2).prevHash(), JournalChain.hash(l.get(2).prevHash(), forged)));
                    return l;
                }, Problem.ALTERED, 4, "entry 4 does not link to entry 3 as stored (that entry or this link was changed)"),
                tampering("a middle entry removed", l -> {
                    l.remove(1);
                    return l;
                }, Problem.REMOVED, 2, "entry 2 missing before entry 3"),
                tampering("two middle entries removed", l -> {
                    l.remove(1);
                    l.remove(1);
                    return l;
                }, Problem.REMOVED, 2, "entries 2 to 3 missing before entry 4"),
                tampering("the last entry removed", l -> {
                    l.remove(4);
                    return l;
                }, Problem.REMOVED, 5, "entry 5 missing at the end of the journal"),
                tampering("the first entry removed", l -> {
                    l.remove(0);
                    return l;
                }, Problem.REMOVED, 1, "entry 1 missing before entry 2"),
                tampering("an entry added after the last, without hashes", l -> {
                    l.add(new Link(entry(6, "<forged/>"), null, null));
                    return l;
                }, Problem.INSERTED, 6, "entry 6 is after the chain's last entry 5"),
                tampering("an entry added after the last, correctly chained", l -> {
                    JournalEntry forged = entry(6, "<forged/>");
                    l.add(new Link(forged, l.get(4).entryHash(), JournalChain.hash(l.get(4).entryHash(), forged)));
                    return l;
                }, Problem.INSERTED, 6, "entry 6 is after the chain's last entry 5"),
                tampering("an entry replaced by one without hashes", l -> {
                    l.set(3, new Link(entry(4, "<forged/>"), null, null));
                    return l;
                }, Problem.INSERTED, 4, "entry 4 has no hash: the journal did not store it"));
    }

    private static Arguments tampering(String name, UnaryOperator<List<Link>> change, Problem problem, long seq, String reason) {
        return Arguments.of(name, change, problem, seq, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void aTamperingIsNamedAtItsFirstBrokenEntry(String name, UnaryOperator<List<Link>> change, Problem problem, long seq,
            String reason) {
        List<Link> links = chain(5);
        Head head = head(links);
        Verification v = walk(head, change.apply(new ArrayList<>(links)));
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).isEqualTo(problem);
        assertThat(v.brokenSeq()).isEqualTo(seq);
        assertThat(v.reason()).isEqualTo(reason);
    }

    @Test
    void entriesBeforeTheChainStartAreCountedNotChecked() {
        List<Link> links = chain(5);
        Head fromThree = new Head(3, links.get(2).entryHash(), 5, links.get(4).entryHash());
        List<Link> stored = new ArrayList<>(links);
        stored.set(0, new Link(entry(1, "no hash: before the chain existed"), null, null));
        Verification v = walk(fromThree, stored);
        assertThat(v.ok()).isTrue();
        assertThat(v.entriesChecked()).isEqualTo(2);
        assertThat(v.unchained()).isEqualTo(3);
    }

    @Test
    void anEmptyJournalVerifies() {
        Verification v = walk(new Head(0, JournalChain.GENESIS, 0, JournalChain.GENESIS), List.of());
        assertThat(v.ok()).isTrue();
        assertThat(v.entriesChecked()).isZero();
    }
}
