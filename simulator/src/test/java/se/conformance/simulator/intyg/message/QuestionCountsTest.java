package se.conformance.simulator.intyg.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.conformance.simulator.intyg.message.QuestionCounts.Counts;
import se.conformance.simulator.intyg.message.QuestionCounts.Message;

class QuestionCountsTest {

    /**
     * Messages as "id:side:amne:svarPa:handled" separated by spaces (side R = recipient, C = care; svarPa "-" = none;
     * handled h = handled). Expected counts as "totalt/ejBesvarade/besvarade/hanterade".
     */
    @ParameterizedTest(name = "{0} → skickade {1}, mottagna {2}")
    @CsvSource(delimiter = '|', value = {
            "                                              | 0/0/0/0 | 0/0/0/0",
            "q:R:KOMPLT:-:o                                | 0/0/0/0 | 1/1/0/0",
            "q:C:KONTKT:-:o                                | 1/1/0/0 | 0/0/0/0",
            "q:C:KONTKT:-:o a:R:KONTKT:q:o                 | 1/0/1/0 | 0/0/0/0",
            "q:C:KONTKT:-:h a:R:KONTKT:q:o                 | 1/0/0/1 | 0/0/0/0",
            "q:R:OVRIGT:-:h a:C:OVRIGT:q:o                 | 0/0/0/0 | 1/0/0/1",
            "q:R:KOMPLT:-:o p:R:PAMINN:-:o                 | 0/0/0/0 | 1/1/0/0",
            "q:R:KOMPLT:-:o r:R:AVSTMN:-:o s:C:OVRIGT:-:o  | 1/1/0/0 | 2/2/0/0",
            "q:R:KOMPLT:-:h r:R:AVSTMN:-:o a:C:AVSTMN:r:o  | 0/0/0/0 | 2/0/1/1",
    })
    void counts(String messages, String skickade, String mottagna) {
        List<Message> list = new ArrayList<>();
        if (messages != null) {
            for (String m : messages.trim().split("\\s+")) {
                String[] f = m.split(":");
                list.add(new Message(f[0], f[1].equals("R") ? Side.RECIPIENT : Side.CARE, Amne.valueOf(f[2]),
                        f[3].equals("-") ? null : f[3], f[4].equals("h")));
            }
        }
        Counts counts = QuestionCounts.of(list);
        assertThat(format(counts.skickadeFragor())).isEqualTo(skickade.trim());
        assertThat(format(counts.mottagnaFragor())).isEqualTo(mottagna.trim());
    }

    private static String format(Arenden a) {
        return a.totalt() + "/" + a.ejBesvarade() + "/" + a.besvarade() + "/" + a.hanterade();
    }
}
