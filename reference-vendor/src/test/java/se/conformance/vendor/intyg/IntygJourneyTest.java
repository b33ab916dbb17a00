package se.conformance.vendor.intyg;

import static org.assertj.core.api.Assertions.assertThat;
import static se.conformance.vendor.TestSimulator.control;
import static se.conformance.vendor.TestSimulator.journal;
import static se.conformance.vendor.TestSimulator.ok;
import static se.conformance.vendor.TestSimulator.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.conformance.vendor.ReferenceVendor;
import se.conformance.vendor.TestSimulator;

/**
 * The journal against the simulator's Webcert and Intygstjänsten: draft, list, complement, answer,
 * and the notifications the simulator delivers to the vendor's endpoint.
 */
class IntygJourneyTest {

    static final String UNIT = "TSTNMT2321000156-1077";
    ReferenceVendor vendor;

    @BeforeEach
    void start() {
        TestSimulator.reset();
        vendor = TestSimulator.vendor();
        control("PUT", "/control/intyg/units/" + UNIT + "/notification-endpoint", Map.of("url", vendor.notificationUrl()));
    }

    @AfterEach
    void stop() {
        vendor.stop();
    }

    @Test
    void draftComplementAnswerListAndEveryNotificationAnsweredOk() {
        JsonNode draft = ok(vendor, "intyg.create-draft", Map.of("patient", "19121212-1212", "type", "LISJP"));
        assertThat(draft.path("outcome").asText()).as(draft.toString()).isEqualTo("done");
        String id = draft.path("certificateId").asText();
        JsonNode create = journal("CreateDraftCertificate").get(0);
        assertThat(create.path("validation").asText()).isEqualTo("VALID");
        assertThat(value(create, "extension")).isEqualTo("191212121212");

        control("POST", "/control/intyg/certificates/" + id + "/ready", Map.of());
        control("POST", "/control/intyg/certificates/" + id + "/sign", Map.of());
        control("POST", "/control/intyg/certificates/" + id + "/send", Map.of("recipient", "FKASSA"));
        String komplt = control("POST", "/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", id,
                "amne", "KOMPLT", "rubrik", "Komplettering", "meddelande", "Komplettera diagnosen",
                "sistaDatumForSvar", "2025-03-25",
                "komplettering", List.of(Map.of("frageId", "6", "text", "Ange diagnoskod")))).path("meddelandeId").asText();
        String kontakt = control("POST", "/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", id,
                "amne", "KONTKT", "rubrik", "Kontakt", "meddelande", "Ring oss")).path("meddelandeId").asText();
        control("POST", "/control/intyg/recipients/FKASSA/messages", Map.of("certificateId", id,
                "amne", "PAMINN", "meddelande", "Påminnelse", "paminnelseMeddelandeId", kontakt));

        JsonNode listed = ok(vendor, "intyg.list-certificates", Map.of("patient", "191212121212"));
        assertThat(listed.path("outcome").asText()).as(listed.toString()).isEqualTo("done");
        JsonNode item = listed.path("certificates").get(0);
        assertThat(item.path("id").asText()).isEqualTo(id);
        assertThat(item.path("type").asText()).isEqualTo("LISJP");
        assertThat(item.path("questions").asInt()).isEqualTo(2);

        control("POST", "/control/intyg/notifications/deliver", Map.of()); // the journal learns the questions' subjects
        JsonNode answered = ok(vendor, "intyg.answer-question", Map.of("certificateId", id, "questionId", kontakt,
                "text", "Ring mig på måndag"));
        assertThat(answered.path("sent").asBoolean()).as(answered.toString()).isTrue();
        assertThat(value(journal("SendMessageToRecipient").get(0), "meddelande-id")).isNotBlank();

        JsonNode complement = ok(vendor, "intyg.complement", Map.of("certificateId", id, "questionId", komplt));
        assertThat(complement.path("outcome").asText()).as(complement.toString()).isEqualTo("done");
        assertThat(complement.path("certificateId").asText()).isNotEqualTo(id).isNotBlank();

        control("POST", "/control/intyg/notifications/deliver", Map.of());
        JsonNode outbox = control("GET", "/control/intyg/notifications", null);
        assertThat(outbox.path("notifications")).isNotEmpty()
                .allSatisfy(n -> assertThat(n.path("state").asText()).as(n.toString()).isEqualTo("DELIVERED"));
        assertThat(journal("CertificateStatusUpdateForCare"))
                .allSatisfy(e -> assertThat(e.path("resultCode").asText()).isEqualTo("OK"));

        JsonNode shown = ok(vendor, "intyg.shown-notifications", Map.of("certificateId", id));
        assertThat(shown.path("events")).extracting(e -> e.path("code").asText())
                .contains("SKAPAT", "KFSIGN", "SIGNAT", "SKICKA", "NYFRFM", "HANFRFM");
        assertThat(shown.path("events")).extracting(e -> e.path("shown").asText())
                .anyMatch(t -> t.startsWith("Påminnelse")).allMatch(t -> !t.isBlank());
    }
}
