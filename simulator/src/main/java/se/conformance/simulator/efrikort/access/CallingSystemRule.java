package se.conformance.simulator.efrikort.access;

import java.util.Optional;
import se.conformance.simulator.caller.CallerIdentity;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.EfrikortSeed.CallingSystem;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * Whether the calling system may call for a care principal (issue 5, "Who may call"): the real service
 * knows which systems each region has let in, and answers any other ACCESSDENIED.
 * <ul>
 *   <li>An anonymous call (no client certificate, no declared consumer) is not checked: the quickstart
 *       works without any registration.</li>
 *   <li>An authenticated system (client certificate) must be registered for the care principal.</li>
 *   <li>A declared system (RIV-TA header, quickstart only) is checked when the simulator knows it as a
 *       calling system; an HSA-id it does not know is taken as anonymous, since declaring is voluntary
 *       there and checking it would protect nothing.</li>
 * </ul>
 * The employee's role ({@link AccessRule}) is checked after this, for the operations with an actor.
 */
public final class CallingSystemRule {
    private CallingSystemRule() {}

    /** @param system the registered calling system with the caller's HSA-id, if any */
    public static Answer<Void> check(CallerIdentity caller, String carePrincipalId, Optional<CallingSystem> system) {
        if (caller.anonymous()) return Answer.ok(null);
        if (system.isEmpty() && caller.kind() == CallerIdentity.Kind.DECLARED) return Answer.ok(null);
        if (system.isPresent() && system.get().carePrincipalIds().contains(carePrincipalId)) return Answer.ok(null);
        return Answer.refused(ResultCode.ACCESSDENIED, "anropande system " + caller.hsaId()
                + (system.isEmpty() ? " är inte registrerat som anslutet system" : " är inte registrerat")
                + " för vårdhuvudman " + carePrincipalId);
    }
}
