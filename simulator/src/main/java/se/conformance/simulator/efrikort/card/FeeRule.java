package se.conformance.simulator.efrikort.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * The fee fields of RegisterTransaction and UpdateTransaction (frikort.md §2.4, §2.8, §6):
 * <ul>
 *   <li>{@code amount} present and positive (TKB; HKS forbids 0-amount transactions), at most two
 *       decimals (öre; HKS: decimal ≤ 2 dp) and below {@value #MAX_AMOUNT_TEXT} kr [UNCONFIRMED bound:
 *       keeps the stored NUMERIC(12,2) safe];</li>
 *   <li>{@code transactionDate} not after today [UNCONFIRMED for CGI; HKS schematron: visit date not in
 *       the future]. Retroactive dates are allowed.</li>
 * </ul>
 * All refusals are VALIDATION_ERROR naming the element.
 */
public final class FeeRule {
    private FeeRule() {}

    private static final String MAX_AMOUNT_TEXT = "1 000 000";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

    public static Answer<Void> checkAmount(BigDecimal amount) {
        if (amount == null) return invalid("amount saknas");
        if (amount.signum() <= 0) {
            return invalid("amount " + amount.toPlainString() + ": beloppet måste vara större än 0");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return invalid("amount " + amount.toPlainString() + ": högst två decimaler (öre)");
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            return invalid("amount " + amount.toPlainString() + ": beloppet måste vara mindre än " + MAX_AMOUNT_TEXT + " kr");
        }
        return Answer.ok(null);
    }

    public static Answer<Void> checkDate(LocalDate transactionDate, LocalDate today) {
        if (transactionDate == null) return invalid("transactionDate saknas");
        if (transactionDate.isAfter(today)) {
            return invalid("transactionDate " + transactionDate + ": får inte ligga i framtiden (i dag är " + today + ")");
        }
        return Answer.ok(null);
    }

    private static Answer<Void> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
