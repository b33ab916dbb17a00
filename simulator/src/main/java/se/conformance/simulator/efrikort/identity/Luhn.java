package se.conformance.simulator.efrikort.identity;

/** The Luhn (mod 10) check used by Swedish personnummer and samordningsnummer. */
final class Luhn {
    private Luhn() {}

    /** True when the last digit of {@code digits} is the Luhn check digit of the ones before it. */
    static boolean valid(String digits) {
        int sum = 0;
        boolean twice = digits.length() % 2 == 0; // weights 2,1,2,1 … counted from the left of an even length
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
