package se.conformance.simulator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The simulator's store: one pooled {@link DataSource} with the schema migrated by Flyway
 * from {@code classpath:db/migration}. The same migrations run on the embedded H2 database
 * (default, a file under the data directory) and on PostgreSQL (shared environments), so the
 * SQL in them is the common subset of both.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final java.util.concurrent.ConcurrentMap<Class<?>, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * PostgreSQL dialect for the shared SQL; a per-session cache of parsed statements large enough
     * for one call's queries (H2 keeps 8 by default and re-parses the rest on every call).
     */
    private static final String H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=256";

    /** Which database is behind the URL; a few statements (upsert, row locks) differ. */
    public enum Dialect { H2, POSTGRESQL }

    private Database(HikariDataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * Every commit is written to the file before the commit returns. H2's default (WRITE_DELAY
     * 500 ms) writes committed changes in the background, so a killed process loses the commits of
     * its last half second although their callers were answered OK (KillRestartTest found 41 of
     * 401). Written, not synced: a killed process loses nothing, a power cut may.
     */
    static final String H2_FILE_OPTIONS = ";WRITE_DELAY=0";

    /** The embedded database in {@code dataDir} (created when missing). */
    public static Database embedded(Path dataDir) {
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("simulator") + H2_OPTIONS + H2_FILE_OPTIONS;
        return open(url, "sa", "");
    }

    /** A private in-memory database, gone when closed; for tests and benchmarks. */
    public static Database inMemory(String name) {
        String url = "jdbc:h2:mem:" + name + H2_OPTIONS + ";DB_CLOSE_DELAY=-1";
        return open(url, "sa", "");
    }

    public static Database open(String jdbcUrl, String user, String password) {
        Dialect dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2); // the rest are opened under load, not at start
        config.setPoolName("simulator");
        config.setAutoCommit(true);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    // versions only grow: a store made by an earlier build takes the new ones in order
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, dialect);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Work inside one database transaction: committed when {@code work} returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionalWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * The one instance of {@code type} for this open store, made by {@code create} on first use:
     * an in-process cache of the store's data must be shared by every component that changes or
     * reads that data, or a change through one would leave another's copy stale.
     */
    public <T> T shared(Class<T> type, java.util.function.Function<Database, T> create) {
        return type.cast(shared.computeIfAbsent(type, t -> create.apply(this)));
    }

    @FunctionalInterface
    public interface TransactionalWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
