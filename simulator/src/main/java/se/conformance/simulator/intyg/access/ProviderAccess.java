package se.conformance.simulator.intyg.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import se.conformance.simulator.caller.CallerIdentity;

/**
 * Which care providers a caller of Intygstjänsten or Webcert may see and act for (issue 5): a registered
 * calling system only those it is registered for. Reads and writes on another provider's certificates,
 * drafts and messages are refused ({@code ERROR}/{@code APPLICATION_ERROR}, or the operation's SOAP fault),
 * lists leave them out.
 * <ul>
 *   <li>anonymous: unrestricted (the quickstart needs no registration);</li>
 *   <li>declared (RIV-TA header, quickstart only) and not registered: unrestricted, as declaring is
 *       voluntary there;</li>
 *   <li>authenticated (client certificate) and not registered: no provider at all;</li>
 *   <li>registered: its care providers.</li>
 * </ul>
 * The refusal texts name the calling system and the certificate or the asked-for provider, never the
 * provider of another's certificate.
 *
 * @param who       who calls, as refusals name it (e.g. "Calling system TSTNMT2321000156-REF1")
 * @param providers the care providers it may act for; {@code null}: any
 */
public record ProviderAccess(String who, Set<String> providers) {

    public static final ProviderAccess UNRESTRICTED = new ProviderAccess("anonymous caller", null);

    public ProviderAccess {
        providers = providers == null ? null : Set.copyOf(providers);
    }

    /** @param registered the care providers of the caller's registered calling system, if it is one */
    public static ProviderAccess of(CallerIdentity caller, Optional<List<String>> registered) {
        if (caller.anonymous()) return UNRESTRICTED;
        String who = "Calling system " + caller.hsaId();
        if (registered.isPresent()) return new ProviderAccess(who, Set.copyOf(registered.get()));
        return caller.kind() == CallerIdentity.Kind.DECLARED ? new ProviderAccess(who, null)
                : new ProviderAccess(who, Set.of());
    }

    public boolean unrestricted() {
        return providers == null;
    }

    public boolean permits(String careProviderId) {
        return providers == null || careProviderId != null && providers.contains(careProviderId);
    }

    /** Refusal of a call on an existing certificate of a provider the caller may not act for. */
    public String refusalForCertificate(String certificateId) {
        return who + " is not registered for the care provider of certificate "
                + certificateId;
    }

    /** Refusal of a call that names a care provider the caller may not act for. */
    public String refusalForProvider(String careProviderId) {
        return who + " is not registered for care provider " + careProviderId;
    }
}
