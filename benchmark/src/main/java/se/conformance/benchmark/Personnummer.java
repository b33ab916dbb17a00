package se.conformance.benchmark;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Distinct, valid Swedish personnummer ({@code YYYYMMDDNNNC}) by index: adults born 1950–1989,
 * serial {@code NNN} and the Luhn check digit over the last ten digits, as the simulator checks.
 * About 14.6 million distinct numbers before they repeat.
 */
final class Personnummer {

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1950, 1, 1);
    private static final int BIRTH_DAYS = 14_600; // 1950-01-01 … 1989-12-21
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private Personnummer() {}

    /** The {@code index}-th personnummer; different indexes (below ~14.6 million) give different numbers. */
    static String of(long index) {
        if (index < 0) throw new IllegalArgumentException("index " + index);
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(index % BIRTH_DAYS);
        long serial = (index / BIRTH_DAYS) % 1000;
        String first11 = birth.format(YYYYMMDD) + String.format("%03d", serial);
        return first11 + checkDigit(first11.substring(2));
    }

    /** Luhn check digit of nine digits {@code YYMMDDNNN}: weights 2,1,2,… from the left. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the last digit of the ten digits {@code YYMMDDNNNC} is their Luhn check digit. */
    static boolean luhnValid(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }
}
