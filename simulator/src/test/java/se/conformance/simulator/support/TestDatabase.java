package se.conformance.simulator.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import se.conformance.simulator.store.Database;

/**
 * A database for one test class run: a private H2 in-memory database, or a fresh schema in the
 * PostgreSQL server named by {@code SIM_TEST_PG_URL} (dropped on close, so runs never collide).
 */
public final class TestDatabase implements AutoCloseable {

    public static final String PG_URL_VARIABLE = "SIM_TEST_PG_URL";

    public enum Engine { H2, POSTGRESQL }

    private final Database database;
    private final String pgUrl;
    private final String schema;

    private TestDatabase(Database database, String pgUrl, String schema) {
        this.database = database;
        this.pgUrl = pgUrl;
        this.schema = schema;
    }

    /** Skips the calling test (visibly) for PostgreSQL when {@value #PG_URL_VARIABLE} is not set. */
    /** Opens one; {@code prefix} names the schema or database so a leftover is recognisable. */
    public static TestDatabase open(Engine engine, String prefix) {
        String name = prefix + "_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (engine == Engine.H2) return new TestDatabase(Database.inMemory(name), null, null);
        String url = System.getenv(PG_URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), PG_URL_VARIABLE + " not set: PostgreSQL variant skipped");
        execute(url, "CREATE SCHEMA " + name);
        try {
            String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new TestDatabase(Database.open(withSchema, null, null), url, name);
        } catch (RuntimeException e) {
            execute(url, "DROP SCHEMA " + name + " CASCADE");
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
        if (schema != null) execute(pgUrl, "DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url, e);
        }
    }
}
