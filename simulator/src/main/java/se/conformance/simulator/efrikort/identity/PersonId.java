package se.conformance.simulator.efrikort.identity;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code personId} that passed {@link PersonIdRule}: its value, its kind and, for personnummer
 * and samordningsnummer, the birth date it encodes.
 */
public final class PersonId {

    /** Age from which a person counts as an adult for grouping (frikort.md §1.4). */
    public static final int ADULT_AGE = 18;

    private final String value;
    private final PersonIdKind kind;
    private final LocalDate birthDate;

    PersonId(String value, PersonIdKind kind, LocalDate birthDate) {
        this.value = Objects.requireNonNull(value);
        this.kind = Objects.requireNonNull(kind);
        this.birthDate = birthDate;
    }

    public String value() {
        return value;
    }

    public PersonIdKind kind() {
        return kind;
    }

    /** Empty for a reservnummer. */
    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /**
     * Completed years on {@code date}; empty for a reservnummer. A person born on 29 February
     * becomes a year older on 1 March in common years (as {@link Period} counts).
     */
    public OptionalInt ageOn(LocalDate date) {
        if (birthDate == null) return OptionalInt.empty();
        if (date.isBefore(birthDate)) return OptionalInt.of(0);
        return OptionalInt.of(Period.between(birthDate, date).getYears());
    }

    /** True when the age on {@code date} is at least {@value #ADULT_AGE}; never for a reservnummer. */
    public boolean isAdultOn(LocalDate date) {
        OptionalInt age = ageOn(date);
        return age.isPresent() && age.getAsInt() >= ADULT_AGE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
