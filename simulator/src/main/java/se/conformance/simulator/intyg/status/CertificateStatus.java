package se.conformance.simulator.intyg.status;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of a certificate's status history ({@code IntygsStatus}): the status, the part it
 * concerns (the recipient for SENTTO, {@code HSVARD} for RECEIV and CANCEL, the citizen's part for
 * DELETE/RESTOR) and when, in Swedish local time.
 */
public record CertificateStatus(StatusCode status, String part, LocalDateTime at) {
    public CertificateStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(at, "at");
    }
}
