package se.conformance.simulator.efrikort.ceiling;

import java.time.LocalDate;

/** No ceiling of the care principal applies on a date; the operation answers ERROR with {@link #getMessage()}. */
public final class NoCeilingException extends RuntimeException {

    private final LocalDate date;

    public NoCeilingException(String carePrincipalId, LocalDate date) {
        super("vårdhuvudman " + carePrincipalId + ": inget högkostnadstak gäller " + date);
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
