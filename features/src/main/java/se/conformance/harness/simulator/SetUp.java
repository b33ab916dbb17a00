package se.conformance.harness.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.conformance.harness.check.Xml;

/**
 * Puts the simulator in the state a scenario starts from, as the national services would be
 * after other systems used them: fees a patient paid elsewhere, an opt-out, a signed and sent
 * certificate with a question from Försäkringskassan. Done through the same SOAP contracts and
 * control API a vendor sees, tagged {@link SimulatorControl#HARNESS_CONSUMER} in the journal.
 */
public final class SetUp {

    public static final String STOCKHOLM = "SE2321000016-39KJ";
    public static final String CARE_PROVIDER = "TSTNMT2321000156-1002";
    public static final String CARE_UNIT = "TSTNMT2321000156-1077";
    public static final String EMPLOYEE = "TSTNMT2321000156-1079";
    /** Another care unit of the same provider: fees "paid elsewhere" are registered there. */
    private static final String EFRIKORT_PATH = "/efrikortService/%s/3/rivtabp21";
    private static final String INTYG_PATH = "/clinicalprocess/healthcond/certificate/%s/%s/rivtabp21";

    private final SimulatorControl simulator;

    public SetUp(SimulatorControl simulator) {
        this.simulator = simulator;
    }

    /** The patient paid {@code amount} kr of qualifying fees on {@code date} in the region. */
    public void feesPaid(String personId, BigDecimal amount, String carePrincipal, LocalDate date) {
        String xml = SoapTemplate.of("efrikort/RegisterTransaction.xml")
                .set("LogicalAddress", carePrincipal)
                .set("carePrincipalId", carePrincipal)
                .set("personId", personId)
                .set("transactionDate", date.toString())
                .set("amount", amount.toPlainString())
                .xml();
        expectEfrikortOk("RegisterTransaction", xml);
    }

    /** The patient opted out of e-frikort in the region. */
    public void optedOut(String personId, String carePrincipal) {
        String xml = SoapTemplate.of("efrikort/RegisterOptOut.xml")
                .set("LogicalAddress", carePrincipal)
                .set("carePrincipalId", carePrincipal)
                .set("personId", personId)
                .xml();
        expectEfrikortOk("RegisterOptOut", xml);
    }

    /** A region with the opt-in model where the harness's employee holds EFK;Användare. */
    public void optInRegion(String carePrincipal) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("name", "Region Opt-in (harness)");
        region.put("consentModel", "OPT_IN");
        region.put("finalDelay", "PT0S");
        region.put("optOutHandling", "HIDE");
        region.put("ceilings", List.of(Map.of("validFrom", "2012-01-01", "amount", 1100),
                Map.of("validFrom", "2025-01-01", "amount", 1450)));
        simulator.put("/control/seed/efrikort/regions/" + carePrincipal, region);
        JsonNode employees = simulator.get("/control/seed/efrikort/employees");
        List<Map<String, Object>> assignments = new java.util.ArrayList<>();
        String name = "Anställd";
        for (JsonNode e : employees.isArray() ? employees : employees.path("employees")) {
            if (!EMPLOYEE.equals(e.path("hsaId").asText())) continue;
            name = e.path("name").asText(name);
            for (JsonNode a : e.path("assignments")) {
                assignments.add(Map.of("carePrincipalId", a.path("carePrincipalId").asText(),
                        "careProviderId", a.path("careProviderId").asText(), "role", a.path("role").asText()));
            }
        }
        assignments.add(Map.of("carePrincipalId", carePrincipal, "careProviderId", CARE_PROVIDER, "role", "EFK;Användare"));
        simulator.put("/control/seed/efrikort/employees/" + EMPLOYEE, Map.of("name", name, "assignments", assignments));
        // the calling systems that may call for the other regions may call for this one (shared mode checks them)
        JsonNode systems = simulator.get("/control/seed/efrikort/calling-systems");
        for (JsonNode system : systems.isArray() ? systems : systems.path("callingSystems")) {
            List<String> principals = new java.util.ArrayList<>();
            system.path("carePrincipalIds").forEach(id -> principals.add(id.asText()));
            if (principals.isEmpty() || principals.contains(carePrincipal)) continue;
            principals.add(carePrincipal);
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("name", system.path("name").asText());
            registration.put("careProviderId", system.path("careProviderId").isTextual()
                    ? system.path("careProviderId").asText() : null);
            registration.put("carePrincipalIds", principals);
            simulator.put("/control/seed/efrikort/calling-systems/" + system.path("hsaId").asText(), registration);
        }
    }

    private void expectEfrikortOk(String operation, String xml) {
        Response r = simulator.soap(EFRIKORT_PATH.formatted(operation), xml);
        String code = Xml.text(Xml.parse(r.asString()), "resultCode").orElse("(none)");
        if (!"OK".equals(code) && !"INFO".equals(code)) {
            throw new IllegalStateException("harness set-up " + operation + " answered " + code + ": " + r.asString());
        }
    }

    /**
     * A LISJP certificate for the patient, drafted through Webcert at the harness's unit, signed
     * and sent to Försäkringskassan; its id.
     */
    public String signedAndSentLisjp(String personId) {
        String xml = SoapTemplate.of("intyg/CreateDraftCertificate.xml")
                .set("person-id", "extension", personId)
                .xml();
        Response r = simulator.soap(INTYG_PATH.formatted("CreateDraftCertificate", "3"), xml);
        var answer = Xml.parse(r.asString());
        String code = Xml.text(answer, "resultCode").orElse("(none)");
        if (!"OK".equals(code)) {
            throw new IllegalStateException("harness set-up CreateDraftCertificate answered " + code + ": " + r.asString());
        }
        String id = Xml.first(answer, "intygs-id").flatMap(e -> Xml.text(e, "extension"))
                .orElseThrow(() -> new IllegalStateException("CreateDraftCertificate answered no intygs-id"));
        simulator.post("/control/intyg/certificates/" + id + "/sign", null);
        simulator.post("/control/intyg/certificates/" + id + "/send", Map.of("recipient", "FKASSA"));
        return id;
    }

    /** Försäkringskassan asks a question on the certificate; the question's meddelande-id. */
    public String recipientQuestion(String certificateId, String amne) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificateId", certificateId);
        body.put("amne", amne);
        body.put("meddelande", "KOMPLT".equals(amne)
                ? "Beskriv aktivitetsbegränsningen närmare." : "Hur bedöms arbetsförmågan framåt?");
        if ("KOMPLT".equals(amne)) {
            body.put("komplettering", List.of(Map.of("frageId", "6", "text", "Diagnosen behöver motiveras.")));
        }
        JsonNode answer = simulator.post("/control/intyg/recipients/FKASSA/messages", body);
        return answer.path("meddelandeId").asText();
    }
}
