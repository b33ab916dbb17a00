package se.conformance.simulator.store;

import java.sql.SQLException;

/** A database failure the caller cannot repair; answered as a SOAP fault, never as a business result. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
