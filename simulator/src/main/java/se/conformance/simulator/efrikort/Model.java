package se.conformance.simulator.efrikort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the operations answer, shaped like the v3 core types ({@code CardType},
 * {@code TransactionType}, {@code ExtendedCardType} …) but free of XML. Date-times are Swedish
 * local time, as the contract's zone-less {@code xs:dateTime}.
 */
public final class Model {
    private Model() {}

    public enum CardStatus { BELOW_LIMIT, PRELIMINARY, FINAL, EXPIRED }

    public enum CardReason { VALID_CARD, MEDICAL }

    public enum TransactionStatus { ACTIVE, UPDATED, DELETED }

    public enum ExportType { CARD, OVERCHARGED }

    public enum GroupAction { GROUP_PERSON, UNGROUP_PERSON }

    public record TransactionReceipt(String cardSystemId, String transactionId) {}

    public record CardPerson(String id, boolean readConsent) {}

    public record CardView(String cardSystemId, String cardTypeId, String cardTypeName, List<CardPerson> persons,
            LocalDate startDate, LocalDate preliminaryCardDate, LocalDate finalCardDate, LocalDate endDate,
            BigDecimal currentAmount, BigDecimal amountToLimit, String cardId, String carePrincipalId,
            String carePrincipalName, CardStatus status, CardReason cardReason) {}

    /**
     * One version of a transaction. {@code careProvider} and {@code careUnit} are {@code null}
     * when read consent hides another provider's details from the caller.
     */
    public record TransactionView(String transactionId, String personId, BigDecimal amount, LocalDate transactionDate,
            LocalDateTime registrationDateTime, String carePrincipalId, String carePrincipalName, String careProvider,
            String careUnit, TransactionStatus status, String statusReason) {}

    public record ExportStatus(String personId, ExportType exportType, LocalDateTime dateTime) {}

    public record ExtendedCardView(CardView card, List<TransactionView> transactions,
            List<TransactionView> expiredTransactions, List<ExportStatus> exportStatus) {}

    public record GroupActionView(LocalDateTime loggedDate, String carePrincipalId, String cardTypeId, String cardId,
            GroupAction action) {}

    public record GroupView(List<GroupActionView> groupActions, List<String> personIds) {}
}
