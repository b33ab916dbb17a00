package se.conformance.approval.applicability;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.conformance.checklist.Role;
import se.conformance.checklist.Service;

/**
 * What a vendor system declares it implements (a PICS for RIV-TA): the basis on which each
 * checklist item is selected or left out.
 *
 * @param capabilities the declared service/role/contracts lines
 */
public record CapabilityStatement(List<Capability> capabilities) {

    public CapabilityStatement {
        capabilities = List.copyOf(capabilities);
    }

    /** Whether the system declares {@code service} in {@code role}. */
    public boolean declares(Service service, Role role) {
        return capabilities.stream().anyMatch(c -> c.service() == service && c.role() == role);
    }

    /** Whether the system declares {@code service} in any role. */
    public boolean declaresService(Service service) {
        return capabilities.stream().anyMatch(c -> c.service() == service);
    }

    /** The contracts declared for {@code service} in {@code role}, in declaration order (no repeats). */
    public Set<String> contracts(Service service, Role role) {
        Set<String> contracts = new LinkedHashSet<>();
        capabilities.stream().filter(c -> c.service() == service && c.role() == role)
                .forEach(c -> contracts.addAll(c.contracts()));
        return contracts;
    }

    /** The roles in which {@code service} is declared, in declaration order. */
    public Set<Role> roles(Service service) {
        Set<Role> roles = new LinkedHashSet<>();
        capabilities.stream().filter(c -> c.service() == service).forEach(c -> roles.add(c.role()));
        return roles;
    }
}
