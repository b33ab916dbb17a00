package se.conformance.harness.steps;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.conformance.harness.Harness;
import se.conformance.harness.HarnessConfig;
import se.conformance.harness.check.CheckFailure;
import se.conformance.harness.check.Xml;
import se.conformance.harness.driver.DriverAnswer;
import se.conformance.harness.driver.DriverProtocolClient;
import se.conformance.harness.driver.InteractiveDriver;
import se.conformance.harness.driver.VendorDriver;
import se.conformance.harness.simulator.JournalEntry;
import se.conformance.harness.simulator.SetUp;
import se.conformance.harness.simulator.SimulatorControl;

/**
 * What one scenario knows: its checklist item, the simulator and the vendor, where in the
 * journal the scenario began, and what the vendor did and answered. Cucumber's object factory
 * creates one per scenario and hands it to every step class.
 */
public final class ScenarioState {

    /** Identity numbers as a user types them, e.g. {@code 19121212-1212}, as they must be sent. */
    public static String digitsOnly(String typed) {
        return typed.replace("-", "").replace("+", "");
    }

    private final HarnessConfig config = Harness.config();
    private final SimulatorControl simulator = new SimulatorControl(config.simulatorUrl(), config.simulatorTls());
    private final SetUp setUp = new SetUp(simulator);
    private final VendorDriver driver;

    private String itemId = "(inget id)";
    private List<String> tags = List.of();
    private long journalMark;
    private LocalDate today;
    private final List<DriverAnswer> answers = new ArrayList<>();
    private final List<ServerExchange> serverExchanges = new ArrayList<>();
    private String transactionId;
    private String cardId;
    private String certificateId;
    private String questionId;

    public ScenarioState() {
        VendorDriver interactive = new InteractiveDriver(simulator, config.interactiveWait(), Harness.instructions());
        this.driver = config.driverUrl() == null ? interactive : new DriverProtocolClient(config.driverUrl(), interactive);
    }

    /** A call the harness made to the vendor's service and what came back. */
    public record ServerExchange(String operation, String request, int httpStatus, String response, Duration elapsed) {}

    void begin(String itemId, List<String> tags) {
        this.itemId = itemId;
        this.tags = List.copyOf(tags);
        this.journalMark = simulator.journalMark();
    }

    public String itemId() {
        return itemId;
    }

    public List<String> tags() {
        return tags;
    }

    public HarnessConfig config() {
        return config;
    }

    public SimulatorControl simulator() {
        return simulator;
    }

    public SetUp setUp() {
        return setUp;
    }

    public VendorDriver driver() {
        return driver;
    }

    public long journalMark() {
        return journalMark;
    }

    public LocalDate today() {
        if (today == null) throw new IllegalStateException("the scenario set no date (Bakgrund)");
        return today;
    }

    /** The services back to their seed, the simulated clock and the vendor's "today" on {@code date}. */
    void startAt(LocalDate date) {
        simulator.reset();
        simulator.setDate(date);
        driver.reset();
        this.today = date;
    }

    /** Asks the vendor to act and keeps the answer. */
    public DriverAnswer act(String action, Map<String, Object> parameters, String instruction, String expectedOperation) {
        DriverAnswer a;
        try {
            a = driver.act(action, parameters, instruction, expectedOperation);
        } catch (InteractiveDriver.NoTraffic e) {
            throw CheckFailure.transport(itemId, e.getMessage());
        }
        answers.add(a);
        a.text("transactionId").ifPresent(v -> transactionId = v);
        a.text("cardId").ifPresent(v -> cardId = v);
        if ("intyg.create-draft".equals(action)) a.text("certificateId").ifPresent(v -> certificateId = v);
        return a;
    }

    /** The vendor's last answer; a step that needs what the system showed cannot be judged without a driver. */
    public DriverAnswer lastAnswer() {
        if (answers.isEmpty()) throw new IllegalStateException("the vendor has not been asked to act yet");
        DriverAnswer a = answers.get(answers.size() - 1);
        if (!a.known()) {
            throw new io.cucumber.java.PendingException(itemId + ": what the system showed is only known through a"
                    + " test driver; judge this step by hand (interactive mode)");
        }
        return a;
    }

    /** The vendor's exchanges with the simulator in this scenario (the harness's own set-up calls left out). */
    public List<JournalEntry> vendorExchanges() {
        return simulator.journalAfter(journalMark).stream()
                .filter(JournalEntry::inbound)
                .filter(e -> !simulator.isHarnessCall(e))
                .toList();
    }

    public List<JournalEntry> vendorExchanges(String operation) {
        return vendorExchanges().stream().filter(e -> operation.equals(e.operation())).toList();
    }

    /** The last exchange of that operation, or a rule failure saying the vendor never called it. */
    public JournalEntry lastVendorExchange(String operation) {
        List<JournalEntry> all = vendorExchanges(operation);
        if (all.isEmpty()) {
            throw CheckFailure.rule(itemId, "systemet anropade inte " + operation + " (anrop i scenariot: "
                    + vendorExchanges().stream().map(JournalEntry::operation).toList() + ")");
        }
        return all.get(all.size() - 1);
    }

    public static Optional<org.w3c.dom.Element> payload(String soapBody) {
        if (soapBody == null || soapBody.isBlank()) return Optional.empty();
        try {
            return Xml.soapPayload(Xml.parse(soapBody));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<ServerExchange> serverExchanges() {
        return serverExchanges;
    }

    public void addServerExchange(ServerExchange exchange) {
        serverExchanges.add(exchange);
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    public Optional<String> cardId() {
        return Optional.ofNullable(cardId);
    }

    public Optional<String> certificateId() {
        return Optional.ofNullable(certificateId);
    }

    public void certificateId(String id) {
        this.certificateId = id;
    }

    public Optional<String> questionId() {
        return Optional.ofNullable(questionId);
    }

    public void questionId(String id) {
        this.questionId = id;
    }

    public static BigDecimal kronor(int amount) {
        return BigDecimal.valueOf(amount);
    }

    PrintStream out() {
        return Harness.instructions();
    }
}
