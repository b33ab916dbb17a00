package se.conformance.simulator.journal;

import java.util.List;
import java.util.Set;

/**
 * Which journal entries a reader may see. {@link #ALL} for the operator (and for every reader when the
 * control API has no tokens); a vendor sees the inbound exchanges its own calling systems made and the
 * outbound calls the simulator made for its care providers (notifications to its journal system).
 *
 * @param callers       HSA-ids of the vendor's calling systems ({@code caller} column)
 * @param careProviders care providers the vendor's systems are registered for (outbound entries keep the
 *                      certificate's care provider in column {@code care_principal_id})
 */
public record JournalVisibility(Set<String> callers, Set<String> careProviders) {

    public static final JournalVisibility ALL = new JournalVisibility(null, null);

    public JournalVisibility {
        callers = callers == null ? null : Set.copyOf(callers);
        careProviders = careProviders == null ? null : Set.copyOf(careProviders);
    }

    public boolean all() {
        return callers == null;
    }

    /** The SQL condition (with {@code ?} for {@link #arguments()}); an empty set matches nothing. */
    String condition() {
        if (all()) return "1=1";
        StringBuilder sql = new StringBuilder("(");
        sql.append(callers.isEmpty() ? "1=0" : "caller IN (" + marks(callers.size()) + ")");
        if (careProviders != null && !careProviders.isEmpty()) {
            sql.append(" OR (direction = 'OUTBOUND' AND care_principal_id IN (").append(marks(careProviders.size()))
                    .append("))");
        }
        return sql.append(")").toString();
    }

    List<Object> arguments() {
        if (all()) return List.of();
        List<Object> args = new java.util.ArrayList<>(callers.stream().sorted().toList());
        if (careProviders != null) args.addAll(careProviders.stream().sorted().toList());
        return args;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
