package se.conformance.approval.applicability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.conformance.checklist.Checklist;
import se.conformance.checklist.ChecklistItem;
import se.conformance.checklist.Evidence;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;

/**
 * Whether a checklist item applies to a vendor system, with the reason in plain English so the
 * report can say why each item is in or out (anchors.md §3 item 13).
 *
 * <p>The rules:
 * <ol>
 *   <li>{@code general} items apply to every system;</li>
 *   <li>attestation and document items of a service apply when the service is declared in any
 *       role (the obligation is the supplier's, not one side of a contract);</li>
 *   <li>scenario items apply when the service is declared in the item's role and the declared
 *       contracts include at least one of the item's contracts.</li>
 * </ol>
 *
 * @param applies whether the item is in
 * @param reason  why, starting with {@code in:} or {@code out:}
 */
public record Applicability(boolean applies, String reason) {

    /** The decision for one item. */
    public static Applicability decide(ChecklistItem item, CapabilityStatement statement) {
        if (item.service() == Service.GENERAL) {
            return in("general items apply to every system");
        }
        String service = item.service().jsonName();
        if (item.evidence() != Evidence.SCENARIO) {
            if (!statement.declaresService(item.service())) {
                return out("the profile declares no " + service + " role");
            }
            String roles = statement.roles(item.service()).stream().map(Role::jsonName)
                    .collect(Collectors.joining(", "));
            return in("the profile declares " + service + " (" + roles + "); " + item.evidence().jsonName()
                    + " items of a service apply in any role");
        }
        String role = item.role().jsonName();
        if (!statement.declares(item.service(), item.role())) {
            return out("the profile declares no " + service + " " + role + " role");
        }
        var declared = statement.contracts(item.service(), item.role());
        List<String> matching = item.contracts().stream().filter(declared::contains).toList();
        if (matching.isEmpty()) {
            return out("the profile declares " + service + " " + role + " without "
                    + String.join(" or ", item.contracts()));
        }
        return in("the profile declares " + service + " " + role + " with " + String.join(", ", matching));
    }

    /** The decision for every item of the checklist, keyed by item id, in checklist order. */
    public static Map<String, Applicability> decideAll(Checklist checklist, CapabilityStatement statement) {
        Map<String, Applicability> decisions = new LinkedHashMap<>();
        checklist.items().forEach(item -> decisions.put(item.id(), decide(item, statement)));
        return decisions;
    }

    private static Applicability in(String why) {
        return new Applicability(true, "in: " + why);
    }

    private static Applicability out(String why) {
        return new Applicability(false, "out: " + why);
    }
}
