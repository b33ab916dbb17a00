package se.conformance.harness.check;

/**
 * A checklist item not met, with the category the report sorts it under. The message starts
 * with the category marker ({@code [schema]}, {@code [regel]}, {@code [transport]},
 * {@code [attestering]}) and the item id, then says what was seen and what the rule wants.
 */
public final class CheckFailure extends AssertionError {

    /** The report's failure categories (Allure categories.json matches the markers). */
    public enum Category {
        SCHEMA("schema"), RULE("regel"), TRANSPORT("transport"), ATTESTATION("attestering");

        private final String marker;

        Category(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return "[" + marker + "]";
        }
    }

    private final Category category;

    public CheckFailure(Category category, String itemId, String message) {
        super(category.marker() + " " + itemId + ": " + message);
        this.category = category;
    }

    public Category category() {
        return category;
    }

    public static CheckFailure schema(String itemId, String message) {
        return new CheckFailure(Category.SCHEMA, itemId, message);
    }

    public static CheckFailure rule(String itemId, String message) {
        return new CheckFailure(Category.RULE, itemId, message);
    }

    public static CheckFailure transport(String itemId, String message) {
        return new CheckFailure(Category.TRANSPORT, itemId, message);
    }

    public static CheckFailure attestation(String itemId, String message) {
        return new CheckFailure(Category.ATTESTATION, itemId, message);
    }
}
