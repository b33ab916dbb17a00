package se.conformance.approval.applicability;

import java.util.List;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;

/**
 * One line of a vendor profile's {@code capabilities}: the system implements these contracts of a
 * service in a role.
 *
 * @param service   the service
 * @param role      the system's side ({@link Role#CLIENT} or {@link Role#SERVER})
 * @param contracts the operations implemented, e.g. {@code RegisterTransaction}
 */
public record Capability(Service service, Role role, List<String> contracts) {

    public Capability {
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
    }
}
