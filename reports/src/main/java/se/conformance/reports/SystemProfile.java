package se.conformance.reports;

import java.util.Set;
import se.conformance.approval.applicability.CapabilityStatement;
import se.conformance.approval.level.ChangeKind;

/**
 * The basics of a vendor profile that the summary reports.
 *
 * @param system       name of the vendor system
 * @param version      its version
 * @param supplier     the supplier
 * @param capabilities what it declares it implements
 * @param targetLevel  the level it seeks (1..5)
 * @param changeKinds  what changed since the last approval, for the level estimate
 */
public record SystemProfile(String system, String version, String supplier, CapabilityStatement capabilities,
        int targetLevel, Set<ChangeKind> changeKinds) {

    public SystemProfile {
        changeKinds = Set.copyOf(changeKinds);
    }
}
