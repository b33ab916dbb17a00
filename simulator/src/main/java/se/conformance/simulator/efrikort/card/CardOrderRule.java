package se.conformance.simulator.efrikort.card;

import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;

/** OrderNewCard (frikort.md §2.4): a physical card can be ordered only for a FINAL card, else ERROR. */
public final class CardOrderRule {
    private CardOrderRule() {}

    public static Answer<Void> check(String cardSystemId, CardStatus status) {
        if (status == CardStatus.FINAL) return Answer.ok(null);
        return Answer.refused(ResultCode.ERROR, "cardSystemId " + cardSystemId + ": kortet har status " + status
                + "; ett nytt kort kan bara beställas för ett slutgiltigt (FINAL) kort");
    }
}
