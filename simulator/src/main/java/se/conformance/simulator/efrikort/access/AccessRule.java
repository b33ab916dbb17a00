package se.conformance.simulator.efrikort.access;

import java.util.Objects;
import java.util.Optional;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.Commands.Actor;
import se.conformance.simulator.efrikort.EfrikortSeed;
import se.conformance.simulator.efrikort.EfrikortSeed.CareProvider;
import se.conformance.simulator.efrikort.EfrikortSeed.Employee;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * Whether an actor may act for a care principal (frikort.md §3.1, §3.3).
 * <ul>
 *   <li>{@code actor}, {@code actor.employeeId} and {@code actor.careProviderId} are required
 *       (VALIDATION_ERROR): the consumer must identify its user.</li>
 *   <li>The employee must hold {@value EfrikortSeed#USER_ROLE} for the care principal within
 *       {@code actor.careProviderId}; otherwise ACCESSDENIED naming employeeId, careProviderId and
 *       the care principal.</li>
 *   <li>A given {@code actor.careUnitId} must be a unit of that care provider (ACCESSDENIED).</li>
 *   <li>A transaction may be corrected or cancelled only by its registering care provider
 *       (ordinary users act within their own vårdgivare, §3.1; Gävleborg: corrections by the provider
 *       that registered the fee, §1.6): ACCESSDENIED otherwise.</li>
 * </ul>
 */
public final class AccessRule {
    private AccessRule() {}

    /**
     * @param employee the registered employee with {@code actor.employeeId}, if any
     * @param provider the registered care provider with {@code actor.careProviderId}, if any
     */
    public static Answer<Void> check(Actor actor, String carePrincipalId, Optional<Employee> employee,
            Optional<CareProvider> provider) {
        if (actor == null) return invalid("actor saknas");
        if (blank(actor.employeeId())) return invalid("actor.employeeId saknas");
        if (blank(actor.careProviderId())) return invalid("actor.careProviderId saknas");
        boolean assigned = employee.stream()
                .flatMap(e -> e.assignments().stream())
                .anyMatch(a -> a.carePrincipalId().equals(carePrincipalId)
                        && a.careProviderId().equals(actor.careProviderId())
                        && a.role().equals(EfrikortSeed.USER_ROLE));
        if (!assigned) {
            return Answer.refused(ResultCode.ACCESSDENIED, "employeeId " + actor.employeeId()
                    + " saknar rollen " + EfrikortSeed.USER_ROLE + " för vårdhuvudman " + carePrincipalId
                    + " inom careProviderId " + actor.careProviderId());
        }
        if (!blank(actor.careUnitId())) {
            boolean unitOfProvider = provider.stream()
                    .flatMap(p -> p.units().stream())
                    .anyMatch(u -> u.hsaId().equals(actor.careUnitId()));
            if (!unitOfProvider) {
                return Answer.refused(ResultCode.ACCESSDENIED, "careUnitId " + actor.careUnitId()
                        + " är ingen vårdenhet hos careProviderId " + actor.careProviderId());
            }
        }
        return Answer.ok(null);
    }

    /** The actor's care provider must be the one that registered transaction {@code transactionId}. */
    public static Answer<Void> checkOwner(Actor actor, String transactionId, String registeringCareProviderId) {
        if (Objects.equals(actor.careProviderId(), registeringCareProviderId)) return Answer.ok(null);
        return Answer.refused(ResultCode.ACCESSDENIED, "transactionId " + transactionId
                + " registrerades av careProviderId " + registeringCareProviderId
                + "; endast den vårdgivaren kan ändra eller makulera avgiften (actor.careProviderId "
                + actor.careProviderId() + ")");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Answer<Void> invalid(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
