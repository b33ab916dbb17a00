package se.conformance.simulator.efrikort.consent;

import java.util.Objects;

/**
 * Who sees the care provider and care unit of a transaction (frikort.md §2.4 UpdateReadConsent,
 * §3.4): the registering care provider always; any other caller only while the person's
 * {@code readConsent} is true. A caller whose care provider is unknown ({@code null}) is "another"
 * provider. A person's read consent is true until UpdateReadConsent sets it false [UNCONFIRMED
 * default: v1/v2 had no read consent and showed every registration; the operation lets a patient
 * withdraw it].
 */
public final class ReadConsentRule {
    private ReadConsentRule() {}

    /** Whether read consent is true for a person who never called UpdateReadConsent. */
    public static final boolean DEFAULT_READ_CONSENT = true;

    public static boolean showsProvider(boolean readConsent, String registeringCareProviderId,
            String callerCareProviderId) {
        return readConsent
                || (callerCareProviderId != null && Objects.equals(registeringCareProviderId, callerCareProviderId));
    }
}
