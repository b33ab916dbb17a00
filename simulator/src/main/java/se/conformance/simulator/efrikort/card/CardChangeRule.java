package se.conformance.simulator.efrikort.card;

import java.time.LocalDate;
import java.util.Objects;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Model.CardStatus;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * What UpdateCard may change (frikort.md §2.4), by the card's status and whether it holds
 * ACTIVE transactions:
 * <table>
 *   <caption>UpdateCard</caption>
 *   <tr><th>status</th><th>with transactions</th><th>without transactions</th></tr>
 *   <tr><td>FINAL</td><td>nothing (ERROR)</td><td>only {@code preliminaryCardDate} and {@code endDate},
 *       inside the 12-month period from the unchanged {@code startDate}</td></tr>
 *   <tr><td>PRELIMINARY</td><td>only {@code cardId}</td><td>everything</td></tr>
 *   <tr><td>BELOW_LIMIT, EXPIRED</td><td colspan="2">nothing (ERROR) [UNCONFIRMED: the contract names
 *       only FINAL and PRELIMINARY; a card that is no frikort has no validity to change]</td></tr>
 * </table>
 * Any accepted change must keep {@code startDate ≤ preliminaryCardDate ≤ endDate ≤}
 * {@link Periods#endOf(LocalDate) endOf(startDate)} (VALIDATION_ERROR otherwise).
 */
public final class CardChangeRule {
    private CardChangeRule() {}

    /** The values of a card the request compares with. */
    public record CardDates(String cardId, LocalDate startDate, LocalDate preliminaryCardDate, LocalDate endDate) {}

    public static Answer<Void> check(String cardSystemId, CardStatus status, boolean hasTransactions,
            CardDates current, CardDates requested) {
        String card = "cardSystemId " + cardSystemId + ": ";
        if (status == CardStatus.BELOW_LIMIT) {
            return error(card + "kortet har status BELOW_LIMIT (högkostnadstaket är inte nått) och kan inte ändras");
        }
        if (status == CardStatus.EXPIRED) {
            return error(card + "kortet har gått ut (EXPIRED) och kan inte ändras");
        }
        Answer<Void> missing = requireAll(requested);
        if (missing != null) return missing;
        boolean datesChanged = !Objects.equals(current.startDate(), requested.startDate())
                || !Objects.equals(current.preliminaryCardDate(), requested.preliminaryCardDate())
                || !Objects.equals(current.endDate(), requested.endDate());
        boolean cardIdChanged = !Objects.equals(current.cardId(), requested.cardId());
        if (status == CardStatus.FINAL) {
            if (hasTransactions) {
                return error(card + "kortet är slutgiltigt (FINAL) och har avgifter; det kan inte ändras");
            }
            if (cardIdChanged || !Objects.equals(current.startDate(), requested.startDate())) {
                return error(card + "kortet är slutgiltigt (FINAL); endast giltighetsdatumen preliminaryCardDate "
                        + "och endDate kan ändras");
            }
        } else if (hasTransactions && datesChanged) {
            return error(card + "kortet är preliminärt (PRELIMINARY) och har avgifter; endast cardId kan ändras");
        }
        return consistent(requested);
    }

    /** {@code startDate ≤ preliminaryCardDate ≤ endDate ≤ endOf(startDate)}. */
    static Answer<Void> consistent(CardDates d) {
        if (d.preliminaryCardDate().isBefore(d.startDate())) {
            return invalid("preliminaryCardDate " + d.preliminaryCardDate() + ": före startDate " + d.startDate());
        }
        if (d.endDate().isBefore(d.preliminaryCardDate())) {
            return invalid("endDate " + d.endDate() + ": före preliminaryCardDate " + d.preliminaryCardDate());
        }
        LocalDate last = Periods.endOf(d.startDate());
        if (d.endDate().isAfter(last)) {
            return invalid("endDate " + d.endDate() + ": utanför 12-månadersperioden från startDate "
                    + d.startDate() + " (senast " + last + ")");
        }
        return Answer.ok(null);
    }

    private static Answer<Void> requireAll(CardDates d) {
        if (d.cardId() == null || d.cardId().isBlank()) return invalid("cardId saknas");
        if (d.cardId().length() > CardRegistrationRule.CARD_ID_MAX_LENGTH) {
            return invalid("cardId " + d.cardId() + ": högst " + CardRegistrationRule.CARD_ID_MAX_LENGTH + " tecken");
        }
        if (d.startDate() == null) return invalid("startDate saknas");
        if (d.preliminaryCardDate() == null) return invalid("preliminaryCardDate saknas");
        if (d.endDate() == null) return invalid("endDate saknas");
        return null;
    }

    private static Answer<Void> error(String text) {
        return Answer.refused(ResultCode.ERROR, text);
    }

    private static Answer<Void> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
