package se.conformance.simulator.efrikort.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import se.conformance.simulator.efrikort.Model.TransactionStatus;

/**
 * One stored version of a transaction.
 *
 * @param rowId                storage order; the smallest of a transaction orders fees of one date
 * @param actorCareProviderId  care provider of the registering actor: owner of the fee and the key of read consent
 */
public record TransactionRow(long rowId, String transactionId, int version, String cardSystemId,
        String carePrincipalId, String cardTypeId, String personId, BigDecimal amount, LocalDate transactionDate,
        Instant registeredAt, String careProvider, String careUnit, String actorEmployeeId,
        String actorCareProviderId, String actorCareUnitId, TransactionStatus status, String statusReason) {

    public boolean active() {
        return status == TransactionStatus.ACTIVE;
    }
}
