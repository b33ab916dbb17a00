package se.conformance.simulator.control;

import java.util.Set;

/**
 * Who a control request comes from: the operator (also every caller when no tokens are configured), or a
 * vendor (tenant) with its calling systems, who sees and changes only what concerns those systems.
 *
 * @param tenantId null for the operator
 * @param systems  the tenant's calling systems' HSA-ids; null for the operator
 */
public record ControlCaller(String tenantId, Set<String> systems) {

    public static final ControlCaller OPERATOR = new ControlCaller(null, null);

    public ControlCaller {
        systems = systems == null ? null : Set.copyOf(systems);
    }

    public boolean operator() {
        return tenantId == null;
    }
}
