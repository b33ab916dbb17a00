package se.conformance.simulator.efrikort.group;

import java.time.LocalDate;
import java.util.List;
import se.conformance.simulator.efrikort.Answer;
import se.conformance.simulator.efrikort.ResultCode;
import se.conformance.simulator.efrikort.identity.PersonId;

/**
 * Who may share a card (frikort.md §1.4, GroupPerson §2.4): several persons may be on one card
 * (children or reservnummer), but two adults' numbers cannot be grouped. An adult is a person
 * aged {@value PersonId#ADULT_AGE} or more on the simulated date, the age read from the
 * personnummer or samordningsnummer; a reservnummer carries no age and never counts as an adult.
 * Refusal: ERROR.
 */
public final class GroupingRule {
    private GroupingRule() {}

    /**
     * @param members  the persons already on the target card
     * @param newcomer the person to group onto it
     */
    public static Answer<Void> check(List<PersonId> members, PersonId newcomer, LocalDate today) {
        if (!newcomer.isAdultOn(today)) return Answer.ok(null);
        for (PersonId member : members) {
            if (!member.equals(newcomer) && member.isAdultOn(today)) {
                return Answer.refused(ResultCode.ERROR, "personId " + newcomer.value()
                        + ": två vuxna (" + PersonId.ADULT_AGE + " år eller äldre) kan inte grupperas på samma kort; "
                        + "kortet har redan personId " + member.value());
            }
        }
        return Answer.ok(null);
    }
}
