package se.conformance.vendor.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish identity number as the user typed it, normalised to 12 digits {@code YYYYMMDDNNNC}
 * (personnummer, samordningsnummer — day of birth + 60) or kept as digits for a reservnummer
 * (98/99 + 8–11 digits). Accepts {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN}, {@code YYMMDD-NNNN},
 * {@code YYMMDD+NNNN} (100 years or older) and {@code YYMMDDNNNN}; the century of a 10-digit
 * number is the latest one that does not put the birth after {@code today}.
 */
public record PersonNumber(String digits, Kind kind) {

    public enum Kind { PERSONNUMMER, SAMORDNINGSNUMMER, RESERVNUMMER }

    private static final Pattern TWELVE = Pattern.compile("(\\d{8})[-+]?(\\d{4})");
    private static final Pattern TEN = Pattern.compile("(\\d{6})([-+]?)(\\d{4})");
    private static final Pattern RESERV = Pattern.compile("(99|98)\\d{8,11}");

    /** @throws IllegalArgumentException naming what is wrong, in Swedish */
    public static PersonNumber parse(String typed, LocalDate today) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("personnummer saknas");
        }
        String s = typed.replaceAll("\\s", "");
        String twelve;
        Matcher m = TWELVE.matcher(s);
        Matcher t = TEN.matcher(s);
        if (m.matches()) {
            twelve = m.group(1) + m.group(2);
        } else if (RESERV.matcher(s).matches()) {
            return new PersonNumber(s, Kind.RESERVNUMMER);
        } else if (t.matches()) {
            int yy = Integer.parseInt(t.group(1).substring(0, 2));
            int year = today.getYear() / 100 * 100 + yy;
            if (year > today.getYear()) {
                year -= 100;
            }
            if ("+".equals(t.group(2))) {
                year -= 100;
            }
            twelve = year + t.group(1).substring(2) + t.group(3);
        } else {
            throw new IllegalArgumentException(typed + ": inget person- eller samordningsnummer (ÅÅÅÅMMDD-NNNN)");
        }
        int day = Integer.parseInt(twelve.substring(6, 8));
        boolean samordning = day > 60;
        try {
            LocalDate.of(Integer.parseInt(twelve.substring(0, 4)), Integer.parseInt(twelve.substring(4, 6)),
                    samordning ? day - 60 : day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(typed + ": ogiltigt födelsedatum");
        }
        return new PersonNumber(twelve, samordning ? Kind.SAMORDNINGSNUMMER : Kind.PERSONNUMMER);
    }

    public boolean isSamordningsnummer() {
        return kind == Kind.SAMORDNINGSNUMMER;
    }

    /** {@code YYYYMMDD-NNNN}: what the hyphenated-samordningsnummer defect sends. */
    public String hyphenated() {
        return digits.length() == 12 ? digits.substring(0, 8) + "-" + digits.substring(8) : digits;
    }

    /** OID of the identifier system (Intygstjänster person-id root). */
    public String oid() {
        return kind == Kind.SAMORDNINGSNUMMER ? "1.2.752.129.2.1.3.3" : "1.2.752.129.2.1.3.1";
    }

    @Override
    public String toString() {
        return digits;
    }
}
