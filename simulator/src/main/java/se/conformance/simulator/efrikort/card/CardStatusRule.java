package se.conformance.simulator.efrikort.card;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import se.conformance.simulator.efrikort.Model.CardStatus;

/**
 * A card's status at an instant (frikort.md §1.2 "Preliminary → final", §2.3 {@code CardStatusType}):
 * <ul>
 *   <li>{@code BELOW_LIMIT} until the ceiling is reached;</li>
 *   <li>{@code EXPIRED} from the day after {@code endDate};</li>
 *   <li>otherwise {@code FINAL} once the region's {@code finalDelay} has passed since the simulated
 *       instant the card became preliminary (a delay of zero: final at once);</li>
 *   <li>otherwise {@code PRELIMINARY}, which is a valid frikort too.</li>
 * </ul>
 */
public final class CardStatusRule {
    private CardStatusRule() {}

    /**
     * @param reachedAt the instant the card became preliminary, {@code null} while below the limit
     * @param endDate   last valid day, required when {@code reachedAt} is set
     * @param today     {@code now} as a Swedish date
     */
    public static CardStatus statusAt(Instant reachedAt, Duration finalDelay, LocalDate endDate, Instant now,
            LocalDate today) {
        if (reachedAt == null) return CardStatus.BELOW_LIMIT;
        Objects.requireNonNull(endDate, "endDate");
        if (today.isAfter(endDate)) return CardStatus.EXPIRED;
        return now.isBefore(finalAt(reachedAt, finalDelay)) ? CardStatus.PRELIMINARY : CardStatus.FINAL;
    }

    /** The instant a card reached at {@code reachedAt} is (or becomes) FINAL. */
    public static Instant finalAt(Instant reachedAt, Duration finalDelay) {
        return reachedAt.plus(finalDelay.isNegative() ? Duration.ZERO : finalDelay);
    }

    /** A frikort in the patient's hands: PRELIMINARY or FINAL. */
    public static boolean isValidFrikort(CardStatus status) {
        return status == CardStatus.PRELIMINARY || status == CardStatus.FINAL;
    }
}
