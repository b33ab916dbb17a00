package se.conformance.simulator.efrikort.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.ResultCode;

/**
 * Decides whether a {@code personId} is acceptable and what it is (frikort.md §2.2
 * {@code PersonIdValue}, identifier systems).
 *
 * <p>In this order, the first failing check answers {@code VALIDATION_ERROR} with a Swedish text
 * naming {@code personId}, the value and the rule:
 * <ol>
 *   <li>present and not blank;</li>
 *   <li>no {@code -} or {@code +} (the schema allows them, the documentation forbids them);</li>
 *   <li>at most 13 characters ({@code PersonIdValue} maxLength);</li>
 *   <li>a value matching the configured reservnummer pattern (whole value) is a {@link PersonIdKind#RESERVNUMMER};</li>
 *   <li>otherwise 12 digits {@code YYYYMMDDNNNC}: a real date ({@code DD} above 60 is a samordningsnummer,
 *       day − 60) and a Luhn check digit over the last ten digits.</li>
 * </ol>
 * The reservnummer pattern is configuration (the seed's setting), never a constant of this rule.
 */
public final class PersonIdRule {

    private static final String ELEMENT = "personId";
    private static final int MAX_LENGTH = 13;
    private static final int SAMORDNING_DAY_OFFSET = 60;

    private final Pattern reservnummer;

    /** @throws IllegalArgumentException when {@code reservnummerPattern} is not a regular expression */
    public PersonIdRule(String reservnummerPattern) {
        this.reservnummer = compile(reservnummerPattern);
    }

    /** Compiles a reservnummer pattern or says in Swedish why it cannot be used. */
    public static Pattern compile(String regex) {
        Objects.requireNonNull(regex, "reservnummerPattern");
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("reservnummermönstret är inget giltigt reguljärt uttryck: " + regex, e);
        }
    }

    public Answer<PersonId> parse(String value) {
        if (value == null || value.isBlank()) {
            return refused(ELEMENT + " saknas");
        }
        if (value.indexOf('-') >= 0 || value.indexOf('+') >= 0) {
            return refused(value, "endast siffror, utan bindestreck eller plustecken");
        }
        if (value.length() > MAX_LENGTH) {
            return refused(value, "högst " + MAX_LENGTH + " tecken");
        }
        if (reservnummer.matcher(value).matches()) {
            return Answer.ok(new PersonId(value, PersonIdKind.RESERVNUMMER, null));
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused(value, "endast siffror (eller ett reservnummer enligt mönstret " + reservnummer.pattern() + ")");
        }
        if (value.length() != 12) {
            return refused(value, "ska vara 12 siffror ÅÅÅÅMMDDNNNK (personnummer eller samordningsnummer) "
                    + "eller ett reservnummer enligt mönstret " + reservnummer.pattern());
        }
        int year = Integer.parseInt(value.substring(0, 4));
        int month = Integer.parseInt(value.substring(4, 6));
        int day = Integer.parseInt(value.substring(6, 8));
        PersonIdKind kind = PersonIdKind.PERSONNUMMER;
        if (day > SAMORDNING_DAY_OFFSET) {
            kind = PersonIdKind.SAMORDNINGSNUMMER;
            day -= SAMORDNING_DAY_OFFSET;
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return refused(value, kind == PersonIdKind.SAMORDNINGSNUMMER
                    ? "ogiltigt födelsedatum i samordningsnumret (dag − 60 ger inget riktigt datum)"
                    : "ogiltigt födelsedatum " + value.substring(0, 8));
        }
        if (!Luhn.valid(value.substring(2))) {
            return refused(value, "felaktig kontrollsiffra (Luhn över de tio sista siffrorna)");
        }
        return Answer.ok(new PersonId(value, kind, birthDate));
    }

    private static Answer<PersonId> refused(String value, String rule) {
        return refused(ELEMENT + " " + value + ": " + rule);
    }

    private static Answer<PersonId> refused(String text) {
        return Answer.refused(ResultCode.VALIDATION_ERROR, text);
    }
}
