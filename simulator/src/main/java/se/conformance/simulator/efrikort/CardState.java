package se.conformance.simulator.efrikort;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.card.Evaluation;
import se.conformance.simulator.efrikort.store.CardRow;
import se.conformance.simulator.efrikort.store.TransactionRow;

/**
 * A card as of one instant: the stored row, its persons, every transaction version on it, what
 * the period rules conclude and the status.
 *
 * @param fixed   the period no longer follows the fees (registered, FINAL or EXPIRED)
 * @param finalAt when the card is or becomes FINAL; {@code null} below the limit
 */
record CardState(CardRow card, List<String> persons, List<TransactionRow> rows, Evaluation evaluation,
        CardStatus status, boolean fixed, Instant finalAt) {

    boolean hasActiveTransactions() {
        return rows.stream().anyMatch(TransactionRow::active);
    }

    Set<String> countedTransactionIds() {
        return evaluation.counted().stream().map(f -> f.transactionId()).collect(Collectors.toSet());
    }

    Set<String> expiredTransactionIds() {
        return evaluation.expired().stream().map(f -> f.transactionId()).collect(Collectors.toSet());
    }
}
