package se.conformance.simulator.intyg.message;

import java.util.Optional;

/** KV_AMNE (code system {@code ffa59d8f-8d7e-46ae-ac9e-31804e8e8499}), intyg.md §4.6. */
public enum Amne {
    /** Komplettering: the recipient asks for a complement. */
    KOMPLT,
    /** Avstämningsmöte. */
    AVSTMN,
    /** Kontakt. */
    KONTKT,
    /** Övrigt. */
    OVRIGT,
    /** Påminnelse: a reminder of an earlier question. */
    PAMINN;

    public static Optional<Amne> parse(String code) {
        if (code == null) return Optional.empty();
        for (Amne a : values()) if (a.name().equals(code)) return Optional.of(a);
        return Optional.empty();
    }
}
