package se.conformance.simulator.efrikort.card;

import java.time.LocalDate;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * RegisterCard (frikort.md §2.3 {@code CardRegistrationReasonType}, §2.4): a frikort registered
 * without transactions.
 * <ul>
 *   <li>{@code cardReason} is required; {@code VALID_CARD} (a frikort from another care principal)
 *       requires its {@code cardId}; {@code MEDICAL} always gets a new number (a given cardId is ignored).</li>
 *   <li>{@code preliminaryCardDate ≤ endDate ≤ endOf(preliminaryCardDate)} and {@code endDate} not
 *       already past [UNCONFIRMED: a card that is over on arrival protects nobody].</li>
 *   <li>With a current card that has not expired, {@code extendExisting=false} is an ERROR;
 *       {@code true} replaces its values.</li>
 * </ul>
 */
public final class CardRegistrationRule {
    private CardRegistrationRule() {}

    /** {@code CardId} maxLength in the core schema. */
    public static final int CARD_ID_MAX_LENGTH = 20;

    public static Answer<Void> check(CardReason reason, String cardId, LocalDate preliminaryCardDate,
            LocalDate endDate, LocalDate today) {
        if (reason == null) return invalid("cardReason saknas (VALID_CARD eller MEDICAL)");
        if (preliminaryCardDate == null) return invalid("preliminaryCardDate saknas");
        if (endDate == null) return invalid("endDate saknas");
        if (reason == CardReason.VALID_CARD && (cardId == null || cardId.isBlank())) {
            return invalid("cardId krävs när cardReason är VALID_CARD (kortnumret på det befintliga frikortet)");
        }
        if (reason == CardReason.VALID_CARD && cardId.length() > CARD_ID_MAX_LENGTH) {
            return invalid("cardId " + cardId + ": högst " + CARD_ID_MAX_LENGTH + " tecken");
        }
        if (endDate.isBefore(preliminaryCardDate)) {
            return invalid("endDate " + endDate + ": före preliminaryCardDate " + preliminaryCardDate);
        }
        LocalDate last = Periods.endOf(preliminaryCardDate);
        if (endDate.isAfter(last)) {
            return invalid("endDate " + endDate + ": längre än 12 månader från preliminaryCardDate "
                    + preliminaryCardDate + " (senast " + last + ")");
        }
        if (endDate.isBefore(today)) {
            return invalid("endDate " + endDate + ": har redan passerat");
        }
        return Answer.ok(null);
    }

    /**
     * @param existing status of the person's current card, {@code null} when there is none
     */
    public static Answer<Void> checkExisting(String personId, CardStatus existing, String existingCardId,
            boolean extendExisting) {
        if (existing == null || existing == CardStatus.EXPIRED || extendExisting) return Answer.ok(null);
        return Answer.refused(ResultCode.ERROR, "personId " + personId + " har redan ett kort (cardId "
                + existingCardId + ", status " + existing + "); ange extendExisting=true för att ersätta dess värden");
    }

    private static Answer<Void> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
