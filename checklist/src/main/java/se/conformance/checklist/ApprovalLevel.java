package se.conformance.checklist;

/**
 * One of eHälsomyndigheten's approval levels Nivå 1–5 with its price (frikort.md §4.1).
 *
 * @param level   1..5
 * @param name    e.g. "Nivå 3"
 * @param meaning what reaching the level shows, Swedish and English
 * @param price   the agency's published price for an approval of this size
 */
public record ApprovalLevel(int level, String name, LocalizedText meaning, Price price) {

    /**
     * @param amountSek    fixed price in Swedish kronor (0 for the self-declaration)
     * @param variableCost whether work caused by customer-initiated changes is charged on top
     * @param text         the price as published, for display
     */
    public record Price(long amountSek, boolean variableCost, String text) {}
}
