package se.conformance.simulator.intyg.message;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may start a question on which subject, and who may answer which question (intyg.md §7.2, §7.3):
 * <ul>
 *   <li>the recipient may start every subject: KOMPLT (with komplettering items), AVSTMN, KONTKT, OVRIGT
 *       and PAMINN (a reminder, with the id of the question it reminds of);</li>
 *   <li>care may start only AVSTMN, KONTKT and OVRIGT (Webcert's {@code VALID_VARD_AMNEN});</li>
 *   <li>care may answer AVSTMN, KONTKT and OVRIGT, and a KOMPLT question only with the "kan ej
 *       komplettera" message (the other answer to KOMPLT is a complementing certificate); never a PAMINN
 *       (business rule FS-007);</li>
 *   <li>the recipient may answer the questions care may start: AVSTMN, KONTKT and OVRIGT.</li>
 * </ul>
 * Webcert applies this to its users; Intygstjänsten's SendMessageToRecipient does not (§7.5), so the
 * service applies it only to the Webcert-side operation {@code careSendsMessage}.
 */
public final class SubjectRule {
    private SubjectRule() {}

    private static final Set<Amne> CARE_SUBJECTS = EnumSet.of(Amne.AVSTMN, Amne.KONTKT, Amne.OVRIGT);

    public static boolean mayStart(Side side, Amne amne) {
        return side == Side.RECIPIENT || CARE_SUBJECTS.contains(amne);
    }

    /** May {@code side} answer a question with subject {@code questionAmne}? */
    public static boolean mayAnswer(Side side, Amne questionAmne) {
        if (CARE_SUBJECTS.contains(questionAmne)) return true;
        return side == Side.CARE && questionAmne == Amne.KOMPLT;
    }
}
