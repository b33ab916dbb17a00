package se.conformance.simulator.efrikort;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Model.CardPerson;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.ExportStatus;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.TransactionView;
import se.conformance.simulator.efrikort.card.Evaluation;
import se.conformance.simulator.efrikort.consent.ReadConsentRule;
import se.conformance.simulator.efrikort.store.ExportStatusRepository.ExportRow;
import se.conformance.simulator.efrikort.store.TransactionRow;

/** Shapes a {@link CardState} into the contract's views, applying read consent. */
final class CardViews {
    private CardViews() {}

    /**
     * @param readConsent each person's read consent (persons on the card and persons of its transactions)
     */
    static CardView card(Scope scope, CardState s, Map<String, Boolean> readConsent) {
        Evaluation e = s.evaluation();
        List<CardPerson> persons = s.persons().stream()
                .map(p -> new CardPerson(p, readConsent.getOrDefault(p, ReadConsentRule.DEFAULT_READ_CONSENT)))
                .toList();
        return new CardView(s.card().cardSystemId(), scope.cardTypeId(), scope.cardType().name(), persons,
                e.startDate(), e.preliminaryCardDate(), s.finalAt() == null ? null : CardLedger.swedishDate(s.finalAt()),
                e.endDate(), e.currentAmount(), e.amountToLimit(), s.card().cardId(), scope.carePrincipalId(),
                scope.region().name(), s.status(), s.card().cardReason());
    }

    /**
     * Transactions are every version on the card, grouped per transaction in registration order;
     * versions of a transaction whose ACTIVE version has left the period are {@code expiredTransactions}.
     */
    static ExtendedCardView extended(Scope scope, CardState s, Map<String, Boolean> readConsent,
            String callerCareProviderId, List<ExportRow> exportRows) {
        Set<String> expiredIds = s.expiredTransactionIds();
        Map<String, Long> firstRow = new HashMap<>();
        for (TransactionRow r : s.rows()) firstRow.merge(r.transactionId(), r.rowId(), Math::min);
        Comparator<TransactionRow> order = Comparator.<TransactionRow>comparingLong(r -> firstRow.get(r.transactionId()))
                .thenComparingInt(TransactionRow::version);
        Predicate<TransactionRow> expired = r -> expiredIds.contains(r.transactionId());
        List<TransactionView> current = new ArrayList<>();
        List<TransactionView> old = new ArrayList<>();
        for (TransactionRow r : s.rows().stream().sorted(order).toList()) {
            boolean shows = ReadConsentRule.showsProvider(
                    readConsent.getOrDefault(r.personId(), ReadConsentRule.DEFAULT_READ_CONSENT),
                    r.actorCareProviderId(), callerCareProviderId);
            TransactionView view = new TransactionView(r.transactionId(), r.personId(), r.amount(), r.transactionDate(),
                    swedish(r.registeredAt()), r.carePrincipalId(), scope.region().name(),
                    shows ? r.careProvider() : null, shows ? r.careUnit() : null, r.status(), r.statusReason());
            (expired.test(r) ? old : current).add(view);
        }
        List<ExportStatus> exports = exportRows.stream()
                .map(x -> new ExportStatus(x.personId(), x.exportType(), swedish(x.createdAt())))
                .toList();
        return new ExtendedCardView(card(scope, s, readConsent), current, old, exports);
    }

    static LocalDateTime swedish(Instant instant) {
        return LocalDateTime.ofInstant(instant, SimulatedClock.SWEDEN);
    }
}
