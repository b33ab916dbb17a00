package se.conformance.harness.steps;

import io.cucumber.java.sv.Så;
import io.qameta.allure.Allure;
import java.nio.file.Files;
import java.nio.file.Path;
import se.conformance.harness.HarnessConfig.Attestation;
import se.conformance.harness.check.CheckFailure;

/** Items a machine cannot judge: the vendor's signed statement, or a document it supplied. */
public final class AttestationSteps {

    private final ScenarioState state;

    public AttestationSteps(ScenarioState state) {
        this.state = state;
    }

    @Så("har leverantören intygat punkten")
    public void attested() {
        Attestation a = state.config().attestations().get(state.itemId());
        if (a == null || blank(a.statement()) || blank(a.signedBy()) || blank(a.signedAt())) {
            throw CheckFailure.attestation(state.itemId(), a == null
                    ? "inget intygande i profilens attesteringsfil"
                    : "intygandet saknar " + (blank(a.statement()) ? "statement" : blank(a.signedBy()) ? "signedBy" : "signedAt"));
        }
        Allure.addAttachment("Intygande " + state.itemId(), "text/plain",
                a.statement() + "\n\n— " + a.signedBy() + ", " + a.signedAt(), ".txt");
        // (inside a step, so Allure attaches it to the step)
    }

    @Så("har leverantören lämnat dokumentet")
    public void documentSupplied() {
        Path p = state.config().documents().get(state.itemId());
        if (p == null || !Files.isRegularFile(p)) {
            throw CheckFailure.attestation(state.itemId(), p == null ? "profilen anger inget dokument"
                    : "dokumentet " + p + " finns inte");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
