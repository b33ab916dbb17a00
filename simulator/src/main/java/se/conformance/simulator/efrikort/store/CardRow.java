package se.conformance.simulator.efrikort.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import se.conformance.simulator.efrikort.Model.CardReason;

/**
 * A stored card. The period fields hold the outcome of the latest write; reads recompute amounts
 * and status from the fees and the clock.
 *
 * @param current      the card new fees of its persons go to; history cards are not current
 * @param cardReason   set for a card registered by RegisterCard
 * @param reachedLimit the ceiling the card was reached under ({@code null}: below the limit, or registered)
 * @param reachedAt    the simulated instant the card became PRELIMINARY ({@code null} below the limit)
 */
public record CardRow(String cardSystemId, String carePrincipalId, String cardTypeId, String cardId,
        boolean current, CardReason cardReason, LocalDate startDate, LocalDate preliminaryCardDate,
        LocalDate endDate, BigDecimal reachedLimit, Instant reachedAt, Instant createdAt) {

    public boolean reached() {
        return reachedAt != null;
    }

    public CardRow withCurrent(boolean value) {
        return new CardRow(cardSystemId, carePrincipalId, cardTypeId, cardId, value, cardReason, startDate,
                preliminaryCardDate, endDate, reachedLimit, reachedAt, createdAt);
    }

    public CardRow withCardId(String value) {
        return new CardRow(cardSystemId, carePrincipalId, cardTypeId, value, current, cardReason, startDate,
                preliminaryCardDate, endDate, reachedLimit, reachedAt, createdAt);
    }

    public CardRow withPeriod(LocalDate start, LocalDate preliminary, LocalDate end, BigDecimal limit, Instant at) {
        return new CardRow(cardSystemId, carePrincipalId, cardTypeId, cardId, current, cardReason, start,
                preliminary, end, limit, at, createdAt);
    }

    public CardRow withReason(CardReason reason) {
        return new CardRow(cardSystemId, carePrincipalId, cardTypeId, cardId, current, reason, startDate,
                preliminaryCardDate, endDate, reachedLimit, reachedAt, createdAt);
    }
}
