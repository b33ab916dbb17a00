package se.conformance.simulator.efrikort.card;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fees written compactly for table tests: {@code "2024-03-01:700 2024-06-01:700"}; ids are t1, t2 … */
final class Fees {
    private Fees() {}

    static List<Fee> parse(String text) {
        List<Fee> fees = new ArrayList<>();
        if (text == null || text.isBlank()) return fees;
        int n = 0;
        for (String item : text.trim().split("\\s+")) {
            String[] parts = item.split(":");
            n++;
            fees.add(new Fee("t" + n, "191212121212", LocalDate.parse(parts[0]), new BigDecimal(parts[1]), n));
        }
        return fees;
    }
}
