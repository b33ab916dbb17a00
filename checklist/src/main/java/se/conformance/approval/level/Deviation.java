package se.conformance.approval.level;

import java.time.LocalDate;

/**
 * An accepted deviation ("godkänd med förbehåll", anchors.md §3 item 9): a known failure of one
 * item that an approver accepted until a date.
 *
 * @param item       the checklist id
 * @param reason     why it is accepted
 * @param approvedBy who accepted it
 * @param expires    the last day on which it counts
 */
public record Deviation(String item, String reason, String approvedBy, LocalDate expires) {

    /** Whether the deviation still counts on {@code day} (the expiry day itself included). */
    public boolean validOn(LocalDate day) {
        return !day.isAfter(expires);
    }
}
