package se.conformance.simulator.efrikort;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.clock.SimulatedClock;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.EfrikortSeed.CardTypeDefinition;
import se.conformance.simulator.efrikort.EfrikortSeed.OptOutHandling;
import se.conformance.simulator.efrikort.Model.CardReason;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.Model.CardView;
import se.conformance.simulator.efrikort.Model.ExportType;
import se.conformance.simulator.efrikort.Model.ExtendedCardView;
import se.conformance.simulator.efrikort.Model.GroupAction;
import se.conformance.simulator.efrikort.Model.GroupActionView;
import se.conformance.simulator.efrikort.Model.GroupView;
import se.conformance.simulator.efrikort.Model.TransactionReceipt;
import se.conformance.simulator.efrikort.Model.TransactionStatus;
import se.conformance.simulator.efrikort.access.AccessRule;
import se.conformance.simulator.efrikort.card.CardChangeRule;
import se.conformance.simulator.efrikort.card.CardChangeRule.CardDates;
import se.conformance.simulator.efrikort.card.CardOrderRule;
import se.conformance.simulator.efrikort.card.CardRegistrationRule;
import se.conformance.simulator.efrikort.card.FeeRule;
import se.conformance.simulator.efrikort.ceiling.NoCeilingException;
import se.conformance.simulator.efrikort.consent.ConsentRule;
import se.conformance.simulator.efrikort.consent.ConsentState;
import se.conformance.simulator.efrikort.consent.ReadConsentRule;
import se.conformance.simulator.efrikort.group.GroupingRule;
import se.conformance.simulator.efrikort.identity.PersonId;
import se.conformance.simulator.efrikort.store.CardRepository;
import se.conformance.simulator.efrikort.store.CardRow;
import se.conformance.simulator.efrikort.store.ConsentRepository;
import se.conformance.simulator.efrikort.store.ConsentRepository.ConsentRow;
import se.conformance.simulator.efrikort.store.ExportStatusRepository;
import se.conformance.simulator.efrikort.store.ExportStatusRepository.ExportRow;
import se.conformance.simulator.efrikort.store.GroupActionRepository;
import se.conformance.simulator.efrikort.store.GroupActionRepository.GroupActionRow;
import se.conformance.simulator.efrikort.store.ReferenceDataRepository;
import se.conformance.simulator.efrikort.store.TransactionRepository;
import se.conformance.simulator.efrikort.store.TransactionRow;
import se.conformance.simulator.efrikort.store.Transactions;
import se.conformance.simulator.store.Database;
import se.conformance.simulator.store.StoreException;

/**
 * The e-frikort rules over the simulator's database: the reference implementation behind the
 * SOAP adapter. Rules are documented in {@code docs/efrikort-rules.md}; this class only orders them.
 *
 * <p>Each call checks, and answers the first refusal of: the care principal
 * ({@code VALIDATION_ERROR}), the actor's access ({@code ACCESSDENIED}), the request elements in
 * contract order ({@code VALIDATION_ERROR}, unknown card type included), the person's consent
 * ({@code OPTINREQUIRED}/{@code OPTOUT}), then the operation's business rules ({@code ERROR}).
 *
 * <p>Guarantees: every write runs in one database transaction holding the row locks of every
 * person on the cards it touches, taken in person order, so concurrent writes for one person or
 * group are serialised, never lose an update and reach the ceiling exactly once; lock conflicts
 * and serialisation failures are retried and never reach the caller. Reads see one consistent
 * snapshot. Time comes only from the {@link SimulatedClock}. A database failure the retries cannot
 * cure is thrown as {@link StoreException} (a SOAP fault for the adapter); no business outcome throws.
 */
public final class EfrikortService implements EfrikortOperations {

    private static final int ORGANIZATION_NAME_MAX = 128;

    private final Database db;
    private final SimulatedClock clock;
    private final ReferenceDataRepository reference;
    private final CardRepository cards;
    private final TransactionRepository transactions = new TransactionRepository();
    private final ExportStatusRepository exports = new ExportStatusRepository();
    private final ConsentRepository consents = new ConsentRepository();
    private final GroupActionRepository groupActions = new GroupActionRepository();
    private final Transactions store;
    private final CardLedger ledger;
    private final CallerIdentity caller;

    public EfrikortService(Database db, SimulatedClock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reference = ReferenceDataRepository.of(db);
        this.cards = new CardRepository(db.dialect());
        this.store = new Transactions(db);
        this.ledger = new CardLedger(cards, transactions, exports);
        this.caller = CallerIdentity.ANONYMOUS;
    }

    private EfrikortService(EfrikortService shared, CallerIdentity caller) {
        this.db = shared.db;
        this.clock = shared.clock;
        this.reference = shared.reference;
        this.cards = shared.cards;
        this.store = shared.store;
        this.ledger = shared.ledger;
        this.caller = caller;
    }

    /** The same service for calls made by {@code caller}, whose registration {@link RequestContext} checks. */
    @Override
    public EfrikortOperations forCaller(CallerIdentity caller) {
        return new EfrikortService(this, Objects.requireNonNull(caller, "caller"));
    }

    // --- transactions --------------------------------------------------------------------------

    @Override
    public Answer<TransactionReceipt> registerTransaction(Commands.RegisterTransaction cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            require(organizationName("careProvider", cmd.careProvider(), true));
            require(organizationName("careUnit", cmd.careUnit(), false));
            CardTypeDefinition type = ctx.cardType(cmd.cardTypeId());
            PersonId person = ctx.person(cmd.personId());
            LocalDate date = cmd.transactionDate() == null ? ctx.today() : cmd.transactionDate();
            require(FeeRule.checkDate(date, ctx.today()));
            require(FeeRule.checkAmount(cmd.amount()));
            Scope scope = ctx.scope(type);
            requireCeiling(scope, date);
            String personId = person.value();
            return write(scope, c -> companions(c, scope, personId), c -> {
                requireConsent(c, scope, personId);
                CardRow target = ledger.route(c, scope, personId, date);
                String transactionId = UUID.randomUUID().toString();
                transactions.insert(c, new TransactionRow(0, transactionId, 1, target.cardSystemId(),
                        scope.carePrincipalId(), scope.cardTypeId(), personId, cmd.amount(), date, scope.now(),
                        cmd.careProvider(), cmd.careUnit(), cmd.actor().employeeId(), cmd.actor().careProviderId(),
                        cmd.actor().careUnitId(), TransactionStatus.ACTIVE, null));
                ledger.recompute(c, scope, target);
                ledger.markOvercharge(c, scope, transactionId, personId);
                return Answer.ok(receipt(c, scope, transactionId));
            });
        });
    }

    @Override
    public Answer<TransactionReceipt> updateTransaction(Commands.UpdateTransaction cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            require(organizationName("careProvider", cmd.careProvider(), true));
            require(organizationName("careUnit", cmd.careUnit(), false));
            TransactionRow known = knownTransaction(ctx, cmd.transactionId());
            require(FeeRule.checkDate(cmd.transactionDate(), ctx.today()));
            require(FeeRule.checkAmount(cmd.amount()));
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            requireCeiling(scope, cmd.transactionDate());
            return write(scope, c -> transactionPersons(c, scope, cmd.transactionId()), c -> {
                TransactionRow active = activeOrRefuse(c, scope, cmd.transactionId());
                require(AccessRule.checkOwner(cmd.actor(), cmd.transactionId(), active.actorCareProviderId()));
                requireConsent(c, scope, active.personId());
                int version = transactions.versions(c, scope.carePrincipalId(), cmd.transactionId()).stream()
                        .mapToInt(TransactionRow::version).max().orElse(0) + 1;
                transactions.setStatus(c, active.rowId(), TransactionStatus.UPDATED, cmd.updateReason());
                transactions.insert(c, new TransactionRow(0, cmd.transactionId(), version, active.cardSystemId(),
                        scope.carePrincipalId(), scope.cardTypeId(), active.personId(), cmd.amount(),
                        cmd.transactionDate(), scope.now(), cmd.careProvider(), cmd.careUnit(),
                        cmd.actor().employeeId(), cmd.actor().careProviderId(), cmd.actor().careUnitId(),
                        TransactionStatus.ACTIVE, null));
                ledger.recompute(c, scope, card(c, scope, active.cardSystemId()));
                ledger.markOvercharge(c, scope, cmd.transactionId(), active.personId());
                return Answer.ok(receipt(c, scope, cmd.transactionId()));
            });
        });
    }

    @Override
    public Answer<Void> deleteTransaction(Commands.DeleteTransaction cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            TransactionRow known = knownTransaction(ctx, cmd.transactionId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            return write(scope, c -> transactionPersons(c, scope, cmd.transactionId()), c -> {
                TransactionRow active = activeOrRefuse(c, scope, cmd.transactionId());
                require(AccessRule.checkOwner(cmd.actor(), cmd.transactionId(), active.actorCareProviderId()));
                requireConsent(c, scope, active.personId());
                transactions.setStatus(c, active.rowId(), TransactionStatus.DELETED, cmd.deleteReason());
                ledger.recompute(c, scope, card(c, scope, active.cardSystemId()));
                return Answer.ok(null);
            });
        });
    }

    // --- queries -------------------------------------------------------------------------------

    @Override
    public Answer<CardView> getCardForPerson(Commands.PersonCardQuery query) {
        return call(() -> {
            PersonQuery q = personQuery(query);
            return read(c -> {
                ConsentRow consent = requireConsent(c, q.scope(), q.personId());
                Optional<CardRow> current = cards.current(c, q.carePrincipalId(), q.cardTypeId(), q.personId());
                if (current.isEmpty()) return Answer.<CardView>ok(null);
                CardState state = ledger.state(c, q.scope(), current.get());
                return Answer.ok(CardViews.card(q.scope(), state,
                        readConsents(c, q.scope(), state, Map.of(q.personId(), consent.readConsent()))));
            });
        });
    }

    @Override
    public Answer<ExtendedCardView> getExtendedCardForPerson(Commands.PersonCardQuery query) {
        return call(() -> {
            PersonQuery q = personQuery(query);
            return read(c -> {
                requireConsent(c, q.scope(), q.personId());
                Optional<CardRow> current = cards.current(c, q.carePrincipalId(), q.cardTypeId(), q.personId());
                if (current.isEmpty()) return Answer.<ExtendedCardView>ok(null);
                return Answer.ok(extended(c, q.scope(), current.get(), q.callerCareProviderId()));
            });
        });
    }

    @Override
    public Answer<List<ExtendedCardView>> getExtendedCardsForPerson(Commands.PersonCardQuery query) {
        return call(() -> {
            PersonQuery q = personQuery(query);
            return read(c -> {
                requireConsent(c, q.scope(), q.personId());
                List<ExtendedCardView> views = new ArrayList<>();
                for (CardRow card : cards.allFor(c, q.carePrincipalId(), q.cardTypeId(), q.personId())) {
                    views.add(extended(c, q.scope(), card, q.callerCareProviderId()));
                }
                return Answer.ok(List.copyOf(views));
            });
        });
    }

    @Override
    public Answer<GroupView> getGroupForPerson(Commands.PersonCardQuery query) {
        return call(() -> {
            PersonQuery q = personQuery(query);
            return read(c -> {
                requireConsent(c, q.scope(), q.personId());
                List<String> members = cards.current(c, q.carePrincipalId(), q.cardTypeId(), q.personId())
                        .map(card -> persons(c, card.cardSystemId()))
                        .orElse(List.of(q.personId()));
                List<GroupActionView> actions = groupActions.forPersons(c, q.carePrincipalId(), q.cardTypeId(), members)
                        .stream()
                        .map(a -> new GroupActionView(CardViews.swedish(a.loggedAt()), a.carePrincipalId(),
                                a.cardTypeId(), a.cardId(), a.action()))
                        .toList();
                return Answer.ok(new GroupView(actions, members));
            });
        });
    }

    // --- cards ---------------------------------------------------------------------------------

    @Override
    public Answer<CardView> registerCard(Commands.RegisterCard cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            PersonId person = ctx.person(cmd.personId());
            CardTypeDefinition type = ctx.cardType(cmd.cardTypeId());
            require(CardRegistrationRule.check(cmd.cardReason(), cmd.cardId(), cmd.preliminaryCardDate(),
                    cmd.endDate(), ctx.today()));
            Scope scope = ctx.scope(type);
            String personId = person.value();
            return write(scope, c -> companions(c, scope, personId), c -> {
                requireConsent(c, scope, personId);
                Optional<CardRow> current = cards.current(c, scope.carePrincipalId(), scope.cardTypeId(), personId);
                CardState currentState = current.isPresent() ? ledger.state(c, scope, current.get()) : null;
                require(CardRegistrationRule.checkExisting(personId,
                        currentState == null ? null : currentState.status(),
                        current.map(CardRow::cardId).orElse(null), cmd.extendExisting()));
                boolean replace = currentState != null && currentState.status() != CardStatus.EXPIRED;
                String cardId = cmd.cardReason() == CardReason.VALID_CARD ? cmd.cardId() : cards.nextCardNumber(c);
                requireFreeCardId(c, scope, cardId, replace ? current.get().cardSystemId() : null);
                CardRow card;
                if (replace) {
                    CardRow old = current.get();
                    card = old.withCardId(cardId).withReason(cmd.cardReason()).withPeriod(cmd.preliminaryCardDate(),
                            cmd.preliminaryCardDate(), cmd.endDate(), null, old.reached() ? old.reachedAt() : scope.now());
                    cards.update(c, card);
                } else {
                    List<String> members = current.map(old -> persons(c, old.cardSystemId())).orElse(List.of(personId));
                    if (current.isPresent()) cards.update(c, current.get().withCurrent(false));
                    card = new CardRow(UUID.randomUUID().toString(), scope.carePrincipalId(), scope.cardTypeId(), cardId,
                            true, cmd.cardReason(), cmd.preliminaryCardDate(), cmd.preliminaryCardDate(), cmd.endDate(),
                            null, scope.now(), scope.now());
                    cards.insert(c, card);
                    for (String member : members) cards.addPerson(c, card.cardSystemId(), member);
                }
                CardState state = ledger.state(c, scope, card);
                return Answer.ok(CardViews.card(scope, state, readConsents(c, scope, state)));
            });
        });
    }

    @Override
    public Answer<Void> updateCard(Commands.UpdateCard cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            CardRow known = knownCard(ctx, cmd.cardSystemId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            return write(scope, c -> cardPersons(c, cmd.cardSystemId()), c -> {
                CardRow card = card(c, scope, cmd.cardSystemId());
                CardState state = ledger.state(c, scope, card);
                for (String member : state.persons()) requireConsent(c, scope, member);
                CardDates current = new CardDates(card.cardId(), state.evaluation().startDate(),
                        state.evaluation().preliminaryCardDate(), state.evaluation().endDate());
                CardDates requested = new CardDates(cmd.cardId(), cmd.startDate(), cmd.preliminaryCardDate(),
                        cmd.endDate());
                require(CardChangeRule.check(card.cardSystemId(), state.status(), state.hasActiveTransactions(),
                        current, requested));
                requireFreeCardId(c, scope, cmd.cardId(), card.cardSystemId());
                CardRow updated = card.withCardId(cmd.cardId());
                if (!current.equals(new CardDates(cmd.cardId(), cmd.startDate(), cmd.preliminaryCardDate(), cmd.endDate()))
                        && !state.hasActiveTransactions()) {
                    updated = updated.withPeriod(cmd.startDate(), cmd.preliminaryCardDate(), cmd.endDate(),
                            card.reachedLimit(), card.reachedAt());
                }
                cards.update(c, updated);
                return Answer.ok(null);
            });
        });
    }

    @Override
    public Answer<Void> deleteCard(Commands.DeleteCard cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            CardRow known = knownCard(ctx, cmd.cardSystemId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            return write(scope, c -> cardPersons(c, cmd.cardSystemId()), c -> {
                CardRow card = card(c, scope, cmd.cardSystemId());
                CardState state = ledger.state(c, scope, card);
                for (String member : state.persons()) requireConsent(c, scope, member);
                if (state.hasActiveTransactions()) {
                    throw new Refusal(Answer.refused(ResultCode.ERROR, "cardSystemId " + card.cardSystemId()
                            + ": kortet har avgifter; makulera dem först (DeleteTransaction)"));
                }
                cards.delete(c, card.cardSystemId());
                return Answer.ok(null);
            });
        });
    }

    @Override
    public Answer<Void> orderNewCard(Commands.OrderNewCard cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            PersonId person = ctx.person(cmd.personId());
            CardRow known = knownCard(ctx, cmd.cardSystemId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            return write(scope, c -> union(cardPersons(c, cmd.cardSystemId()), List.of(person.value())), c -> {
                CardRow card = card(c, scope, cmd.cardSystemId());
                CardState state = ledger.state(c, scope, card);
                requireMember(state, person.value());
                requireConsent(c, scope, person.value());
                require(CardOrderRule.check(card.cardSystemId(), state.status()));
                exports.insert(c, new ExportRow(card.cardSystemId(), person.value(), ExportType.CARD, scope.now()));
                return Answer.ok(null);
            });
        });
    }

    // --- groups --------------------------------------------------------------------------------

    @Override
    public Answer<Void> groupPerson(Commands.Group cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            CardRow known = knownCard(ctx, cmd.cardSystemId());
            PersonId person = ctx.person(cmd.personId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            String personId = person.value();
            return write(scope, c -> union(cardPersons(c, cmd.cardSystemId()), companions(c, scope, personId)), c -> {
                CardRow target = card(c, scope, cmd.cardSystemId());
                CardState targetState = ledger.state(c, scope, target);
                List<String> members = targetState.persons();
                if (members.contains(personId)) {
                    return Answer.<Void>info("personId " + personId + " finns redan på kortet (cardId "
                            + target.cardId() + ")", null);
                }
                if (!target.current() || targetState.status() == CardStatus.EXPIRED) {
                    throw new Refusal(Answer.refused(ResultCode.ERROR, "cardSystemId " + target.cardSystemId()
                            + ": kortet har gått ut (EXPIRED); personer kan bara grupperas på ett aktuellt kort"));
                }
                // grouping registers the newcomer's consent, so only an explicit opt-out stops it
                ConsentRow consent = consent(c, scope, personId);
                if (consent.state() == ConsentState.OPTED_OUT) requireConsent(c, scope, personId);
                for (String member : members) requireConsent(c, scope, member);
                require(GroupingRule.check(ctx.storedPersons(members), person, ctx.today()));
                consents.put(c, scope.carePrincipalId(), scope.cardTypeId(), personId,
                        new ConsentRow(ConsentState.OPTED_IN, consent.readConsent()), scope.now());
                Optional<CardRow> previous = cards.current(c, scope.carePrincipalId(), scope.cardTypeId(), personId);
                cards.addPerson(c, target.cardSystemId(), personId);
                if (previous.isPresent()) {
                    CardRow old = previous.get();
                    transactions.movePerson(c, personId, old.cardSystemId(), target.cardSystemId());
                    exports.moveTo(c, personId, old.cardSystemId(), target.cardSystemId());
                    cards.removePerson(c, old.cardSystemId(), personId);
                    if (persons(c, old.cardSystemId()).isEmpty()) cards.delete(c, old.cardSystemId());
                    else ledger.recompute(c, scope, old);
                }
                ledger.recompute(c, scope, target);
                markGroupOvercharge(c, scope, target, personId);
                logGroupAction(c, scope, target, personId, GroupAction.GROUP_PERSON);
                return Answer.ok(null);
            });
        });
    }

    @Override
    public Answer<Void> ungroupPerson(Commands.Group cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            CardRow known = knownCard(ctx, cmd.cardSystemId());
            PersonId person = ctx.person(cmd.personId());
            Scope scope = ctx.scope(ctx.cardType(known.cardTypeId()));
            String personId = person.value();
            return write(scope, c -> union(cardPersons(c, cmd.cardSystemId()), companions(c, scope, personId)), c -> {
                CardRow card = card(c, scope, cmd.cardSystemId());
                CardState state = ledger.state(c, scope, card);
                requireMember(state, personId);
                if (state.persons().size() < 2) {
                    throw new Refusal(Answer.refused(ResultCode.ERROR, "personId " + personId
                            + " är ensam på kortet (cardId " + card.cardId() + ") och kan inte avgrupperas"));
                }
                if (!card.current()) {
                    throw new Refusal(Answer.refused(ResultCode.ERROR, "cardSystemId " + card.cardSystemId()
                            + ": kortet är ett historiskt kort; endast det aktuella kortet kan avgrupperas"));
                }
                requireConsent(c, scope, personId);
                ungroup(c, scope, state, personId);
                return Answer.ok(null);
            });
        });
    }

    // --- consent -------------------------------------------------------------------------------

    @Override
    public Answer<Void> registerOptIn(Commands.Consent cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            PersonId person = ctx.person(cmd.personId());
            Scope scope = ctx.scope(ctx.cardType(cmd.cardTypeId()));
            String personId = person.value();
            return write(scope, c -> companions(c, scope, personId), c -> {
                ConsentRow consent = consent(c, scope, personId);
                consents.put(c, scope.carePrincipalId(), scope.cardTypeId(), personId,
                        new ConsentRow(ConsentState.OPTED_IN, consent.readConsent()), scope.now());
                return Answer.ok(null);
            });
        });
    }

    @Override
    public Answer<Void> registerOptOut(Commands.Consent cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            PersonId person = ctx.person(cmd.personId());
            Scope scope = ctx.scope(ctx.cardType(cmd.cardTypeId()));
            String personId = person.value();
            return write(scope, c -> companions(c, scope, personId), c -> {
                ConsentRow consent = consent(c, scope, personId);
                consents.put(c, scope.carePrincipalId(), scope.cardTypeId(), personId,
                        new ConsentRow(ConsentState.OPTED_OUT, consent.readConsent()), scope.now());
                Optional<CardRow> current = cards.current(c, scope.carePrincipalId(), scope.cardTypeId(), personId);
                if (current.isPresent()) {
                    CardState state = ledger.state(c, scope, current.get());
                    if (state.persons().size() > 1) ungroup(c, scope, state, personId);
                }
                if (scope.region().optOutHandling() == OptOutHandling.DELETE) erase(c, scope, personId);
                return Answer.ok(null);
            });
        });
    }

    @Override
    public Answer<Void> updateReadConsent(Commands.ReadConsent cmd) {
        return call(() -> {
            RequestContext ctx = context(cmd.carePrincipalId(), cmd.actor());
            PersonId person = ctx.person(cmd.personId());
            Scope scope = ctx.scope(ctx.cardType(cmd.cardTypeId()));
            String personId = person.value();
            return write(scope, c -> companions(c, scope, personId), c -> {
                ConsentRow consent = requireConsent(c, scope, personId);
                consents.put(c, scope.carePrincipalId(), scope.cardTypeId(), personId,
                        new ConsentRow(consent.state(), cmd.consent()), scope.now());
                return Answer.ok(null);
            });
        });
    }

    // --- steps shared by the operations ------------------------------------------------------------

    /** Moves {@code personId} with its transactions off a shared card onto a new card of its own. */
    private void ungroup(Connection c, Scope scope, CardState state, String personId) throws SQLException {
        CardRow from = state.card();
        CardRow own = ledger.open(c, scope, List.of(personId), from.cardReason());
        if (state.fixed()) {
            // an issued card keeps its status: the new card carries the same period
            own = own.withPeriod(from.startDate(), from.preliminaryCardDate(), from.endDate(), from.reachedLimit(),
                    from.reachedAt());
            cards.update(c, own);
        }
        cards.removePerson(c, from.cardSystemId(), personId);
        transactions.movePerson(c, personId, from.cardSystemId(), own.cardSystemId());
        exports.moveTo(c, personId, from.cardSystemId(), own.cardSystemId());
        ledger.recompute(c, scope, from);
        ledger.recompute(c, scope, own);
        logGroupAction(c, scope, from, personId, GroupAction.UNGROUP_PERSON);
    }

    /** RegisterOptOut with DELETE: every card, fee, export and group action of the person goes. */
    private void erase(Connection c, Scope scope, String personId) throws SQLException {
        for (CardRow card : cards.allFor(c, scope.carePrincipalId(), scope.cardTypeId(), personId)) {
            List<String> members = persons(c, card.cardSystemId());
            if (members.equals(List.of(personId))) {
                cards.delete(c, card.cardSystemId());
            } else {
                transactions.deletePersonOnCard(c, personId, card.cardSystemId());
                exports.deletePersonOnCard(c, personId, card.cardSystemId());
                cards.removePerson(c, card.cardSystemId(), personId);
            }
        }
        groupActions.deleteForPerson(c, scope.carePrincipalId(), scope.cardTypeId(), personId);
    }

    private void markGroupOvercharge(Connection c, Scope scope, CardRow target, String personId) throws SQLException {
        CardState state = ledger.state(c, scope, card(c, scope, target.cardSystemId()));
        boolean counts = state.evaluation().counted().stream().anyMatch(f -> personId.equals(f.personId()));
        if (state.evaluation().overcharged() && counts) {
            exports.insert(c, new ExportRow(target.cardSystemId(), personId, ExportType.OVERCHARGED, scope.now()));
        }
    }

    private void logGroupAction(Connection c, Scope scope, CardRow card, String personId, GroupAction action)
            throws SQLException {
        groupActions.insert(c, new GroupActionRow(scope.now(), scope.carePrincipalId(), scope.cardTypeId(),
                card.cardSystemId(), card.cardId(), personId, action));
    }

    private ExtendedCardView extended(Connection c, Scope scope, CardRow card, String callerCareProviderId)
            throws SQLException {
        CardState state = ledger.state(c, scope, card);
        return CardViews.extended(scope, state, readConsents(c, scope, state), callerCareProviderId,
                exports.onCard(c, card.cardSystemId()));
    }

    private Map<String, Boolean> readConsents(Connection c, Scope scope, CardState state) throws SQLException {
        return readConsents(c, scope, state, Map.of());
    }

    /** Read consent of everyone on the card or in its transactions; {@code known}: already read in this transaction. */
    private Map<String, Boolean> readConsents(Connection c, Scope scope, CardState state, Map<String, Boolean> known)
            throws SQLException {
        Set<String> persons = new TreeSet<>(state.persons());
        state.rows().forEach(r -> persons.add(r.personId()));
        Map<String, Boolean> result = new HashMap<>(known);
        for (String person : persons) {
            if (!result.containsKey(person)) result.put(person, consent(c, scope, person).readConsent());
        }
        result.keySet().retainAll(persons);
        return result;
    }

    private TransactionReceipt receipt(Connection c, Scope scope, String transactionId) throws SQLException {
        TransactionRow row = ledger.activeVersion(c, scope, transactionId).orElseThrow();
        return new TransactionReceipt(row.cardSystemId(), transactionId);
    }

    private TransactionRow activeOrRefuse(Connection c, Scope scope, String transactionId) throws SQLException {
        return ledger.activeVersion(c, scope, transactionId).orElseThrow(() -> new Refusal(Answer.refused(
                ResultCode.ERROR, "transactionId " + transactionId + ": avgiften är makulerad (DELETED) och kan inte ändras")));
    }

    private CardRow card(Connection c, Scope scope, String cardSystemId) throws SQLException {
        return cards.find(c, scope.carePrincipalId(), cardSystemId).orElseThrow(() -> new Refusal(unknownCard(
                cardSystemId, scope.carePrincipalId())));
    }

    private static Answer<Void> unknownCard(String cardSystemId, String carePrincipalId) {
        return Answer.refused(ResultCode.ERROR, "cardSystemId " + cardSystemId + ": inget sådant kort hos vårdhuvudman "
                + carePrincipalId);
    }

    private static void requireMember(CardState state, String personId) {
        if (!state.persons().contains(personId)) {
            throw new Refusal(Answer.refused(ResultCode.ERROR, "personId " + personId + " finns inte på kortet (cardId "
                    + state.card().cardId() + ")"));
        }
    }

    private void requireFreeCardId(Connection c, Scope scope, String cardId, String ownCardSystemId)
            throws SQLException {
        if (cards.cardIdTaken(c, scope.carePrincipalId(), cardId, ownCardSystemId)) {
            throw new Refusal(Answer.refused(ResultCode.ERROR, "cardId " + cardId
                    + ": används redan av ett annat kort hos vårdhuvudman " + scope.carePrincipalId()));
        }
    }

    private static void requireCeiling(Scope scope, LocalDate date) {
        if (scope.ceilings().limitOn(date).isEmpty()) {
            throw new Refusal(Answer.refused(ResultCode.ERROR, new NoCeilingException(scope.carePrincipalId(), date)
                    .getMessage()));
        }
    }

    private ConsentRow consent(Connection c, Scope scope, String personId) throws SQLException {
        return consents.find(c, scope.carePrincipalId(), scope.cardTypeId(), personId)
                .orElse(new ConsentRow(ConsentState.NONE, ReadConsentRule.DEFAULT_READ_CONSENT));
    }

    private ConsentRow requireConsent(Connection c, Scope scope, String personId) throws SQLException {
        ConsentRow consent = consent(c, scope, personId);
        require(ConsentRule.check(scope.region().consentModel(), consent.state(), scope.carePrincipalId(), personId,
                scope.cardTypeId()));
        return consent;
    }

    private List<String> persons(Connection c, String cardSystemId) {
        try {
            return cards.persons(c, cardSystemId);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    // --- lock discovery: who must be locked before a card is read or changed ------------------------

    private Collection<String> companions(Connection c, Scope scope, String personId) throws SQLException {
        return union(cards.companions(c, scope.carePrincipalId(), scope.cardTypeId(), personId), List.of(personId));
    }

    private Collection<String> cardPersons(Connection c, String cardSystemId) throws SQLException {
        return cards.persons(c, cardSystemId);
    }

    private Collection<String> transactionPersons(Connection c, Scope scope, String transactionId)
            throws SQLException {
        Set<String> persons = new TreeSet<>();
        for (TransactionRow row : transactions.versions(c, scope.carePrincipalId(), transactionId)) {
            persons.addAll(cards.persons(c, row.cardSystemId()));
            persons.addAll(companions(c, scope, row.personId()));
        }
        return persons;
    }

    private static Collection<String> union(Collection<String> a, Collection<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    // --- validation of the request -----------------------------------------------------------------

    private record PersonQuery(Scope scope, String personId, String callerCareProviderId) {
        String carePrincipalId() {
            return scope.carePrincipalId();
        }

        String cardTypeId() {
            return scope.cardTypeId();
        }
    }

    private PersonQuery personQuery(Commands.PersonCardQuery query) {
        RequestContext ctx = queryContext(query.carePrincipalId());
        PersonId person = ctx.person(query.personId());
        CardTypeDefinition type = ctx.cardType(query.cardTypeId());
        return new PersonQuery(ctx.scope(type), person.value(), ctx.callerCareProviderId(query.callerCareProviderId()));
    }

    /** Reference data for an operation with an actor: refuses an unknown care principal, then a denied actor. */
    private RequestContext context(String carePrincipalId, Actor actor) {
        return RequestContext.load(reference, clock.now(), carePrincipalId, caller, actor, true);
    }

    /** Reference data for a query, which carries no actor. */
    private RequestContext queryContext(String carePrincipalId) {
        return RequestContext.load(reference, clock.now(), carePrincipalId, caller, null, false);
    }

    /** The latest version of a transaction of the care principal; ERROR when there is none. */
    private TransactionRow knownTransaction(RequestContext ctx, String transactionId) {
        if (transactionId == null || transactionId.isBlank()) throw new Refusal(invalid("transactionId saknas"));
        List<TransactionRow> versions = store.plain(c -> transactions.versions(c, ctx.carePrincipalId(), transactionId));
        if (versions.isEmpty()) {
            throw new Refusal(Answer.refused(ResultCode.ERROR, "transactionId " + transactionId
                    + ": ingen sådan avgift hos vårdhuvudman " + ctx.carePrincipalId()));
        }
        return versions.get(versions.size() - 1);
    }

    /** A card of the care principal; ERROR when there is none. */
    private CardRow knownCard(RequestContext ctx, String cardSystemId) {
        if (cardSystemId == null || cardSystemId.isBlank()) throw new Refusal(invalid("cardSystemId saknas"));
        return store.plain(c -> cards.find(c, ctx.carePrincipalId(), cardSystemId))
                .orElseThrow(() -> new Refusal(unknownCard(cardSystemId, ctx.carePrincipalId())));
    }

    private static Answer<Void> organizationName(String element, String value, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? invalid(element + " saknas") : Answer.ok(null);
        }
        if (value.length() > ORGANIZATION_NAME_MAX) {
            return invalid(element + ": högst " + ORGANIZATION_NAME_MAX + " tecken (har " + value.length() + ")");
        }
        return Answer.ok(null);
    }

    private static <T> Answer<T> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }

    private static <T> T require(Answer<T> answer) {
        return Refusal.require(answer);
    }

    // --- running a call ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Call<T> {
        Answer<T> run();
    }

    @SuppressWarnings("unchecked")
    private static <T> Answer<T> call(Call<T> call) {
        try {
            return call.run();
        } catch (Refusal r) {
            return (Answer<T>) r.answer().asRefusal();
        } catch (NoCeilingException e) {
            return Answer.refused(ResultCode.ERROR, e.getMessage());
        }
    }

    private <T> Answer<T> read(Database.TransactionalWork<Answer<T>> work) {
        return store.read(work);
    }

    private <T> Answer<T> write(Scope scope, Transactions.Discovery discovery,
            Database.TransactionalWork<Answer<T>> work) {
        return store.write(scope.carePrincipalId(), scope.cardTypeId(), discovery, work);
    }
}
