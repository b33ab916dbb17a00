package se.conformance.simulator.efrikort;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Requests of the v3 contracts as the domain sees them. Field names follow the contract
 * elements; optional elements are {@code null} when absent. Amounts are decimals (the contract's
 * doubles, converted exactly from their lexical form).
 */
public final class Commands {
    private Commands() {}

    /** {@code ActorType}: the user performing the operation. {@code careUnitId} is optional. */
    public record Actor(String employeeId, String careProviderId, String careUnitId) {}

    public record RegisterTransaction(String carePrincipalId, String careProvider, String careUnit,
            String cardTypeId, String personId, LocalDate transactionDate, BigDecimal amount, Actor actor) {}

    public record UpdateTransaction(String carePrincipalId, String careProvider, String careUnit,
            String transactionId, LocalDate transactionDate, BigDecimal amount, String updateReason, Actor actor) {}

    public record DeleteTransaction(String carePrincipalId, String transactionId, String deleteReason, Actor actor) {}

    /**
     * GetCardForPerson, GetExtendedCardForPerson(s), GetGroupForPerson. The contracts carry no
     * actor; {@code callerCareProviderId} is the care provider of the calling system as the
     * transport established it (RIV-TA header {@code x-rivta-original-serviceconsumer-hsaid}),
     * or {@code null} when unknown. It decides which transaction details read consent reveals.
     */
    public record PersonCardQuery(String carePrincipalId, String personId, String cardTypeId,
            String callerCareProviderId) {}

    public record RegisterCard(String carePrincipalId, String personId, String cardTypeId,
            LocalDate preliminaryCardDate, LocalDate endDate, String cardId, boolean extendExisting,
            Model.CardReason cardReason, Actor actor) {}

    public record UpdateCard(String carePrincipalId, String cardSystemId, String cardId, LocalDate startDate,
            LocalDate endDate, LocalDate preliminaryCardDate, Actor actor) {}

    public record DeleteCard(String carePrincipalId, String cardSystemId, Actor actor) {}

    public record OrderNewCard(String carePrincipalId, String personId, String cardSystemId, Actor actor) {}

    /** GroupPerson and UngroupPerson. */
    public record Group(String carePrincipalId, String cardSystemId, String personId, Actor actor) {}

    /** RegisterOptIn and RegisterOptOut. */
    public record Consent(String carePrincipalId, String personId, String cardTypeId, Actor actor) {}

    public record ReadConsent(String carePrincipalId, String personId, String cardTypeId, boolean consent,
            Actor actor) {}
}
