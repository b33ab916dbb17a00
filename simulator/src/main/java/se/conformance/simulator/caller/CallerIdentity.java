package se.conformance.simulator.caller;

import java.util.Objects;
import java.util.function.Function;

/**
 * The calling system of one request, as far as the simulator can tell:
 * <ul>
 *   <li>{@link Kind#AUTHENTICATED}: header {@value #TLS_HEADER}, which the server sets from the verified
 *       client certificate's HSA-id (and strips from what clients send), so it cannot be forged;</li>
 *   <li>{@link Kind#DECLARED}: otherwise, and only where the simulator accepts declared identities (the
 *       quickstart), the RIV-TA header {@value #RIVTA_HEADER} as the caller wrote it;</li>
 *   <li>{@link Kind#ANONYMOUS}: neither.</li>
 * </ul>
 * A blank header counts as absent.
 */
public record CallerIdentity(Kind kind, String hsaId) {

    /** Set by the TLS connector from the verified client certificate's subject serialNumber. */
    public static final String TLS_HEADER = "x-conformance-tls-client-hsaid";
    /** RIV-TA's original service consumer, as the caller declares it. */
    public static final String RIVTA_HEADER = "x-rivta-original-serviceconsumer-hsaid";
    /** Longer values are no HSA-id; they are not taken as one (the journal column holds 128). */
    private static final int MAX_LENGTH = 128;

    public enum Kind { AUTHENTICATED, DECLARED, ANONYMOUS }

    public static final CallerIdentity ANONYMOUS = new CallerIdentity(Kind.ANONYMOUS, null);

    public CallerIdentity {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ANONYMOUS) != (hsaId == null)) {
            throw new IllegalArgumentException("an anonymous caller has no HSA-id, any other has one");
        }
    }

    /**
     * @param header         the request's header value by name ({@code null} when absent)
     * @param acceptDeclared whether the RIV-TA header may name the caller (quickstart) or not (shared mode)
     */
    public static CallerIdentity of(Function<String, String> header, boolean acceptDeclared) {
        String verified = clean(header.apply(TLS_HEADER));
        if (verified != null) return new CallerIdentity(Kind.AUTHENTICATED, verified);
        if (acceptDeclared) {
            String declared = clean(header.apply(RIVTA_HEADER));
            if (declared != null) return new CallerIdentity(Kind.DECLARED, declared);
        }
        return ANONYMOUS;
    }

    public boolean anonymous() {
        return kind == Kind.ANONYMOUS;
    }

    private static String clean(String value) {
        if (value == null) return null;
        String v = value.trim();
        return v.isEmpty() || v.length() > MAX_LENGTH ? null : v;
    }
}
