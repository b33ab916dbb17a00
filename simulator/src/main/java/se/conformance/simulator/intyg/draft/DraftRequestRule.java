package se.conformance.simulator.intyg.draft;

import java.util.ArrayList;
import java.util.List;
import se.conformance.simulator.efrikort.identity.PersonIdRule;
import se.conformance.simulator.intyg.IntygCommands.CreateDraftCertificate;

/**
 * Webcert's field checks of CreateDraftCertificate 3 (intyg.md §9.2), run before the user's
 * medarbetaruppdrag, the type and the population register are looked at. Every failure is listed, in
 * this order: {@code efternamn is required}; {@code At least one fornamn is required};
 * {@code personId is required} or, for a value that is no personnummer or samordningsnummer (12 digits, a
 * real date, Luhn), {@code personId is not a valid personnummer or samordningsnummer} (our words);
 * {@code Physicians full name is required}; {@code Physicians hsaId is required} (our words);
 * {@code enhetsnamn is required} (our words); {@code enhetsId is required}. The service joins them with
 * {@code ", "}.
 */
public final class DraftRequestRule {
    private DraftRequestRule() {}

    private static final PersonIdRule PERSON_ID = new PersonIdRule("(?!)");

    public static List<String> missingOrInvalid(CreateDraftCertificate cmd) {
        List<String> errors = new ArrayList<>();
        var patient = cmd.patient();
        if (patient == null || blank(patient.efternamn())) errors.add("efternamn is required");
        if (patient == null || patient.fornamn().stream().allMatch(DraftRequestRule::blank)) {
            errors.add("At least one fornamn is required");
        }
        if (patient == null || blank(patient.personId())) {
            errors.add("personId is required");
        } else if (!PERSON_ID.parse(patient.personId()).code().performed()) {
            errors.add("personId is not a valid personnummer or samordningsnummer");
        }
        if (blank(cmd.fullstandigtNamn())) errors.add("Physicians full name is required");
        if (blank(cmd.personalId())) errors.add("Physicians hsaId is required");
        if (blank(cmd.unitName())) errors.add("enhetsnamn is required");
        if (blank(cmd.unitId())) errors.add("enhetsId is required");
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
