package se.conformance.simulator.efrikort.consent;

import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.EfrikortSeed.ConsentModel;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * Whether a person's data may be used, per the region's consent model (frikort.md §3.4, §2.3):
 * <ul>
 *   <li>an explicit opt-out refuses with OPTOUT in both models;</li>
 *   <li>in an OPT_IN region, no registered opt-in refuses with OPTINREQUIRED;</li>
 *   <li>in an OPT_OUT region, a person without any registration takes part.</li>
 * </ul>
 * The texts name {@code personId}, the care principal and the card type and tell the user to
 * register opt-in (RegisterOptIn).
 */
public final class ConsentRule {
    private ConsentRule() {}

    public static Answer<Void> check(ConsentModel model, ConsentState state, String carePrincipalId, String personId,
            String cardTypeId) {
        String who = "personId " + personId + " ";
        String where = " hos vårdhuvudman " + carePrincipalId + " för korttyp " + cardTypeId;
        if (state == ConsentState.OPTED_OUT) {
            return Answer.refused(ResultCode.OPTOUT, who + "har valt att stå utanför e-frikort (opt-out)" + where
                    + "; registrera opt-in (RegisterOptIn) först");
        }
        if (model == ConsentModel.OPT_IN && state != ConsentState.OPTED_IN) {
            return Answer.refused(ResultCode.OPTINREQUIRED, who + "saknar registrerat samtycke (opt-in)" + where
                    + "; registrera opt-in (RegisterOptIn) och försök igen");
        }
        return Answer.ok(null);
    }
}
