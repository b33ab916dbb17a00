package se.conformance.simulator.intyg.message;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question counts of a certificate as CertificateStatusUpdateForCare and
 * ListCertificatesForCareWithQA carry them (intyg.md §7.6):
 * <ul>
 *   <li>{@code skickadeFragor} counts questions care started, {@code mottagnaFragor} questions the
 *       recipient started;</li>
 *   <li>answers (a message with {@code svarPa}) and reminders (PAMINN) are not counted;</li>
 *   <li>a question is {@code hanterade} when handled (closed), otherwise {@code besvarade} when an answer
 *       references it, otherwise {@code ejBesvarade}.</li>
 * </ul>
 */
public final class QuestionCounts {
    private QuestionCounts() {}

    /** A stored message as the counts see it. {@code svarPa} is the meddelande-id it answers, or null. */
    public record Message(String meddelandeId, Side sentBy, Amne amne, String svarPa, boolean handled) {}

    public record Counts(Arenden skickadeFragor, Arenden mottagnaFragor) {
        public static final Counts NONE = new Counts(Arenden.NONE, Arenden.NONE);
    }

    public static Counts of(Collection<Message> messages) {
        Set<String> answered = messages.stream().filter(m -> m.svarPa() != null).map(Message::svarPa)
                .collect(Collectors.toSet());
        return new Counts(count(messages, Side.CARE, answered), count(messages, Side.RECIPIENT, answered));
    }

    private static Arenden count(Collection<Message> messages, Side side, Set<String> answered) {
        int open = 0;
        int answeredCount = 0;
        int handled = 0;
        for (Message m : messages) {
            if (m.sentBy() != side || m.svarPa() != null || m.amne() == Amne.PAMINN) continue;
            if (m.handled()) handled++;
            else if (answered.contains(m.meddelandeId())) answeredCount++;
            else open++;
        }
        return Arenden.of(open, answeredCount, handled);
    }
}
