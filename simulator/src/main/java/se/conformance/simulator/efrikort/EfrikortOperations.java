package se.conformance.simulator.efrikort;

import java.util.List;
import se.conformance.simulator.caller.CallerIdentity;

/**
 * The sixteen e-frikort v3 operations as domain calls: no XML and no HTTP in or out.
 * The SOAP adapter ({@code efrikort.soap}) maps each contract request to one of these calls
 * after schema validation, and maps the {@link Answer} back to the contract response.
 *
 * <p>Every method answers; none throws for a business reason. A rule that refuses the call
 * answers a non-OK {@link ResultCode} with a Swedish text that names the element and the rule.
 */
public interface EfrikortOperations {

    /**
     * These operations as called by {@code caller}: a known calling system not registered for the call's
     * care principal is answered ACCESSDENIED ({@code efrikort.access.CallingSystemRule}); its registered
     * care provider is the one read consent treats it as.
     */
    EfrikortOperations forCaller(CallerIdentity caller);

    Answer<Model.TransactionReceipt> registerTransaction(Commands.RegisterTransaction command);

    Answer<Model.TransactionReceipt> updateTransaction(Commands.UpdateTransaction command);

    Answer<Void> deleteTransaction(Commands.DeleteTransaction command);

    Answer<Model.CardView> getCardForPerson(Commands.PersonCardQuery query);

    Answer<Model.ExtendedCardView> getExtendedCardForPerson(Commands.PersonCardQuery query);

    Answer<List<Model.ExtendedCardView>> getExtendedCardsForPerson(Commands.PersonCardQuery query);

    Answer<Model.CardView> registerCard(Commands.RegisterCard command);

    Answer<Void> updateCard(Commands.UpdateCard command);

    Answer<Void> deleteCard(Commands.DeleteCard command);

    Answer<Void> orderNewCard(Commands.OrderNewCard command);

    Answer<Void> groupPerson(Commands.Group command);

    Answer<Void> ungroupPerson(Commands.Group command);

    Answer<Model.GroupView> getGroupForPerson(Commands.PersonCardQuery query);

    Answer<Void> registerOptIn(Commands.Consent command);

    Answer<Void> registerOptOut(Commands.Consent command);

    Answer<Void> updateReadConsent(Commands.ReadConsent command);
}
