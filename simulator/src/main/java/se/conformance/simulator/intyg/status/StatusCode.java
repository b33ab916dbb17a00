package se.conformance.simulator.intyg.status;

import java.util.Optional;

/** KV_STATUS (code system {@code 9871cd17-8755-4ed9-b894-ff3729e775a4}), intyg.md §4.6 and §6.1. */
public enum StatusCode {
    /** RECEIVED: stored by RegisterCertificate; part HSVARD. */
    RECEIV,
    /** SENT: sent to the recipient named as part. */
    SENTTO,
    /** CANCELLED: revoked; part HSVARD. */
    CANCEL,
    /** DELETED: archived by the citizen. */
    DELETE,
    /** RESTORED: restored from the archive by the citizen. */
    RESTOR;

    public static Optional<StatusCode> parse(String code) {
        if (code == null) return Optional.empty();
        for (StatusCode s : values()) if (s.name().equals(code)) return Optional.of(s);
        return Optional.empty();
    }
}
