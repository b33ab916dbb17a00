package se.conformance.simulator.intyg;

import java.util.EnumSet;
import java.util.Set;

/**
 * KV_HANDELSE (code system {@code dfd7bbad-dbe5-4a2f-ba25-f7b9b2cc6b14}): the events Webcert reports to
 * the journal system with CertificateStatusUpdateForCare (intyg.md §1.3, §6.2, §7.6).
 */
public enum Handelsekod {
    /** Draft created. */
    SKAPAT,
    /** Draft changed. */
    ANDRAT,
    /** Draft ready to sign. */
    KFSIGN,
    /** Signed (registered in Intygstjänsten). */
    SIGNAT,
    /** Sent to a recipient. */
    SKICKA,
    /** Draft deleted. */
    RADERA,
    /** Revoked. */
    MAKULE,
    /** New question from the recipient (PAMINN included); carries amne and sistaDatumForSvar. */
    NYFRFM,
    /** New answer from the recipient. */
    NYSVFM,
    /** New question from care. */
    NYFRFV,
    /** A question from the recipient handled (or re-opened), e.g. answered by care. */
    HANFRFM,
    /** A question from care handled or re-opened. */
    HANFRFV;

    private static final Set<Handelsekod> WITH_COUNTS = EnumSet.of(NYFRFM, NYSVFM, NYFRFV, HANFRFM, HANFRFV, MAKULE);

    /** Only these events carry the question counts; the others carry zeros (§7.6). */
    public boolean carriesCounts() {
        return WITH_COUNTS.contains(this);
    }
}
