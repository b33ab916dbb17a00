package se.conformance.harness.report;

import java.util.Collection;
import java.util.Optional;
import se.conformance.checklist.Checklist;

/** The checklist item a scenario proves: its one tag that is an item id ({@code @EFK-REG-002}). */
public final class ItemTags {

    private ItemTags() {}

    public static Optional<String> itemId(Collection<String> tags) {
        return tags.stream().map(t -> t.startsWith("@") ? t.substring(1) : t)
                .filter(t -> Checklist.ID_PATTERN.matcher(t).matches()).findFirst();
    }
}
