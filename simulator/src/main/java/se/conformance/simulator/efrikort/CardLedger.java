package se.conformance.simulator.efrikort;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.ExportType;
import se.conformance.simulator.efrikort.card.CardStatusRule;
import se.conformance.simulator.efrikort.card.Evaluation;
import se.conformance.simulator.efrikort.card.Fee;
import se.conformance.simulator.efrikort.card.FixedPeriod;
import se.conformance.simulator.efrikort.card.PeriodCalculator;
import se.conformance.simulator.efrikort.store.CardRepository;
import se.conformance.simulator.efrikort.store.CardRow;
import se.conformance.simulator.efrikort.store.ExportStatusRepository;
import se.conformance.simulator.efrikort.store.ExportStatusRepository.ExportRow;
import se.conformance.simulator.efrikort.store.TransactionRepository;
import se.conformance.simulator.efrikort.store.TransactionRow;

/**
 * Keeps each card's stored period in step with its fees: which card a fee goes to, recomputation
 * after every change, the next card when fees fall after a reached card's period, and the export
 * marks. Runs inside a write that holds the locks of every person on the cards it touches.
 */
final class CardLedger {

    private final CardRepository cards;
    private final TransactionRepository transactions;
    private final ExportStatusRepository exports;

    CardLedger(CardRepository cards, TransactionRepository transactions, ExportStatusRepository exports) {
        this.cards = cards;
        this.transactions = transactions;
        this.exports = exports;
    }

    /** The card as of {@code scope.now()}. */
    CardState state(Connection c, Scope scope, CardRow card) throws SQLException {
        List<String> persons = cards.persons(c, card.cardSystemId());
        List<TransactionRow> rows = transactions.onCard(c, card.cardSystemId());
        CardStatus status = CardStatusRule.statusAt(card.reachedAt(), scope.region().finalDelay(), card.endDate(),
                scope.now(), scope.today());
        boolean fixed = card.cardReason() != null || status == CardStatus.FINAL || status == CardStatus.EXPIRED;
        List<Fee> fees = fees(rows);
        Evaluation evaluation = fixed
                ? PeriodCalculator.evaluateFixed(fees, fixedPeriod(card), card.reachedLimit())
                : scope.calculator().evaluate(fees, scope.today());
        Instant finalAt = card.reached() ? CardStatusRule.finalAt(card.reachedAt(), scope.region().finalDelay()) : null;
        return new CardState(card, persons, rows, evaluation, status, fixed, finalAt);
    }

    /**
     * The card a fee of {@code personId} dated {@code date} belongs to: a reached card whose period
     * covers the date (the fee is an overcharge), else the current card unless it was reached and
     * the date is after its end, else a new current card for the same persons.
     */
    CardRow route(Connection c, Scope scope, String personId, LocalDate date) throws SQLException {
        List<CardRow> all = cards.allFor(c, scope.carePrincipalId(), scope.cardTypeId(), personId);
        for (CardRow card : all) {
            if (card.reached() && !date.isBefore(card.startDate()) && !date.isAfter(card.endDate())) return card;
        }
        Optional<CardRow> current = all.stream().filter(CardRow::current).findFirst();
        if (current.isPresent()) {
            CardRow card = current.get();
            if (!card.reached() || !date.isAfter(card.endDate())) return card;
            return openNext(c, scope, card);
        }
        return open(c, scope, List.of(personId), null);
    }

    /** A new current card for {@code persons}; {@code reason} set for a registered card. */
    CardRow open(Connection c, Scope scope, List<String> persons, CardReason reason) throws SQLException {
        CardRow card = new CardRow(UUID.randomUUID().toString(), scope.carePrincipalId(), scope.cardTypeId(),
                cards.nextCardNumber(c), true, reason, null, null, null, null, null, scope.now());
        cards.insert(c, card);
        for (String person : persons) cards.addPerson(c, card.cardSystemId(), person);
        return card;
    }

    /** The card after {@code previous}: the same persons, {@code previous} becomes history. */
    CardRow openNext(Connection c, Scope scope, CardRow previous) throws SQLException {
        cards.update(c, previous.withCurrent(false));
        return open(c, scope, cards.persons(c, previous.cardSystemId()), null);
    }

    /**
     * Recomputes {@code card} from its fees and stores the outcome. A card whose period moves with
     * its fees (below the limit, or PRELIMINARY from fees) is replayed: it may become reached (a CARD
     * export for the person of the crossing fee) or fall back below the limit. Fees after a reached
     * period move to the next card, recursively.
     */
    void recompute(Connection c, Scope scope, CardRow stored) throws SQLException {
        CardRow card = cards.find(c, scope.carePrincipalId(), stored.cardSystemId()).orElseThrow();
        CardState state = state(c, scope, card);
        Evaluation e = state.evaluation();
        if (!state.fixed()) {
            if (e.reached()) {
                Instant reachedAt = card.reached() ? card.reachedAt() : scope.now();
                card = card.withPeriod(e.startDate(), e.preliminaryCardDate(), e.endDate(), e.limit(), reachedAt);
                if (!state.card().reached()) {
                    exports.insert(c, new ExportRow(card.cardSystemId(), e.crossingFee().personId(), ExportType.CARD,
                            scope.now()));
                }
            } else {
                card = card.withPeriod(null, null, null, null, null);
            }
            cards.update(c, card);
        }
        if (!e.later().isEmpty()) moveLater(c, scope, card, e.later());
    }

    private void moveLater(Connection c, Scope scope, CardRow card, List<Fee> later) throws SQLException {
        if (card.current()) {
            CardRow next = openNext(c, scope, card);
            transactions.moveTransactions(c, later.stream().map(Fee::transactionId).toList(), next.cardSystemId());
            recompute(c, scope, next);
            return;
        }
        // a corrected fee on a history card: each goes where a new fee of that date would
        Map<String, List<String>> byTarget = new HashMap<>();
        List<CardRow> targets = new ArrayList<>();
        for (Fee fee : later) {
            CardRow target = route(c, scope, fee.personId(), fee.date());
            byTarget.computeIfAbsent(target.cardSystemId(), k -> {
                targets.add(target);
                return new ArrayList<>();
            }).add(fee.transactionId());
        }
        for (CardRow target : targets) {
            transactions.moveTransactions(c, byTarget.get(target.cardSystemId()), target.cardSystemId());
            recompute(c, scope, target);
        }
    }

    /** Marks an overcharge letter for {@code personId} when the fee counts on a card now above its limit. */
    void markOvercharge(Connection c, Scope scope, String transactionId, String personId) throws SQLException {
        TransactionRow row = activeVersion(c, scope, transactionId).orElseThrow();
        CardRow card = cards.find(c, scope.carePrincipalId(), row.cardSystemId()).orElseThrow();
        CardState state = state(c, scope, card);
        if (state.evaluation().overcharged() && state.countedTransactionIds().contains(transactionId)) {
            exports.insert(c, new ExportRow(card.cardSystemId(), personId, ExportType.OVERCHARGED, scope.now()));
        }
    }

    Optional<TransactionRow> activeVersion(Connection c, Scope scope, String transactionId) throws SQLException {
        return transactions.versions(c, scope.carePrincipalId(), transactionId).stream()
                .filter(TransactionRow::active).findFirst();
    }

    static FixedPeriod fixedPeriod(CardRow card) {
        return new FixedPeriod(card.startDate(), card.preliminaryCardDate(), card.endDate());
    }

    /** The ACTIVE versions as fees, ordered within a date by their transaction's first registration. */
    static List<Fee> fees(List<TransactionRow> rows) {
        Map<String, Long> firstRow = new HashMap<>();
        for (TransactionRow r : rows) firstRow.merge(r.transactionId(), r.rowId(), Math::min);
        List<Fee> fees = new ArrayList<>();
        for (TransactionRow r : rows) {
            if (r.active()) {
                fees.add(new Fee(r.transactionId(), r.personId(), r.transactionDate(), r.amount(),
                        firstRow.get(r.transactionId())));
            }
        }
        return fees;
    }

    static LocalDate swedishDate(Instant instant) {
        return LocalDate.ofInstant(instant, SimulatedClock.SWEDEN);
    }
}
