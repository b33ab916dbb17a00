package se.conformance.simulator;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.conformance.simulator.store.Database;

/** {@code java -jar simulator.jar --port N --data DIR} — the simulator as a standalone process. */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "simulator 0.1.0",
        description = "Reference simulator of the e-frikort service (CGI eFrikort v3, RIV-TA BP 2.1).")
public final class SimulatorMain implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8088", description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE}")
    String bind;

    @Option(names = "--data", defaultValue = "data", description = "Directory of the embedded database. Default: ${DEFAULT-VALUE}")
    Path data;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database to use instead of the embedded one")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (PostgreSQL)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (PostgreSQL)")
    String dbPassword;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Database db = dbUrl != null ? Database.open(dbUrl, dbUser, dbPassword) : Database.embedded(data);
        Simulator sim = Simulator.builder().withPort(port).withBindAddress(bind).withDatabase(db).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            db.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        String store = dbUrl != null ? "PostgreSQL " + dbUrl.replaceAll("password=[^&]*", "password=***")
                : "embedded H2 in " + data.toAbsolutePath();
        System.out.println("simulator ready in " + millis + " ms on " + sim.baseUrl()
                + " — e-frikort at " + sim.baseUrl() + "/efrikortService/<Operation>/3/rivtabp21 (?wsdl), control at "
                + sim.baseUrl() + "/control/health, store: " + store);
        System.out.println("try: curl -s -H 'Content-Type: text/xml; charset=UTF-8' --data-binary @docs/examples/efrikort/"
                + "GetCardForPerson.xml " + sim.baseUrl() + "/efrikortService/GetCardForPerson/3/rivtabp21");
        stopped.await();
        return 0;
    }
}
