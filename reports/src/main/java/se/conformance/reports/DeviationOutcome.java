package se.conformance.reports;

import java.time.LocalDate;
import se.conformance.approval.level.Deviation;

/**
 * A declared deviation as the run judged it.
 *
 * @param item       the checklist id
 * @param reason     why it was accepted
 * @param approvedBy who accepted it
 * @param expires    the last day it counts
 * @param valid      whether it had not expired on the run date
 * @param counted    whether it turned a failure into a conditional pass ("godkänd med förbehåll")
 */
public record DeviationOutcome(String item, String reason, String approvedBy, LocalDate expires, boolean valid,
        boolean counted) {

    static DeviationOutcome of(Deviation deviation, boolean valid, boolean counted) {
        return new DeviationOutcome(deviation.item(), deviation.reason(), deviation.approvedBy(), deviation.expires(),
                valid, counted);
    }
}
