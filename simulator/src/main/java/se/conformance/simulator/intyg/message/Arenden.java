package se.conformance.simulator.intyg.message;

/**
 * The contract's {@code Arenden}: questions of one direction by state. {@code totalt} is the sum of
 * the other three.
 */
public record Arenden(int totalt, int ejBesvarade, int besvarade, int hanterade) {

    public static final Arenden NONE = new Arenden(0, 0, 0, 0);

    public Arenden {
        if (totalt != ejBesvarade + besvarade + hanterade) {
            throw new IllegalArgumentException("totalt must be the sum of the three states");
        }
    }

    public static Arenden of(int ejBesvarade, int besvarade, int hanterade) {
        return new Arenden(ejBesvarade + besvarade + hanterade, ejBesvarade, besvarade, hanterade);
    }
}
