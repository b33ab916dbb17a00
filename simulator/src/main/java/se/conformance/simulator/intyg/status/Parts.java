package se.conformance.simulator.intyg.status;

import java.util.Set;

/** KV_PART (code system {@code 769bb12b-bd9f-4203-a5cd-fd14f2eb3b80}), intyg.md §4.6. */
public final class Parts {
    private Parts() {}

    /** Care (hälso- och sjukvården). */
    public static final String HSVARD = "HSVARD";
    /** The citizen (invånaren), e.g. through Mina intyg. */
    public static final String INVANA = "INVANA";
    public static final String FKASSA = "FKASSA";
    public static final String TRANSP = "TRANSP";

    /** Every code of KV_PART, including the test recipient {@code FBA}. */
    public static final Set<String> ALL = Set.of(FKASSA, TRANSP, HSVARD, INVANA, "SKV", "SOS", "AF", "FBA");

    public static boolean known(String part) {
        return part != null && ALL.contains(part);
    }
}
