package se.conformance.vendor.efrikort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.w3c.dom.Element;
import se.conformance.vendor.soap.Xml;

/** The card of a GetCardForPerson / RegisterCard answer (CardType, core namespace). */
public record Card(String cardSystemId, String cardId, String status, BigDecimal amountToLimit,
                   LocalDate startDate, LocalDate preliminaryCardDate, LocalDate endDate) {

    public static Optional<Card> of(Element payload) {
        return Xml.first(payload, "card").map(c -> new Card(Xml.childText(c, "cardSystemId"), Xml.childText(c, "cardId"),
                Xml.childText(c, "status"), decimal(Xml.childText(c, "amountToLimit")), date(Xml.childText(c, "startDate")),
                date(Xml.childText(c, "preliminaryCardDate")), date(Xml.childText(c, "endDate"))));
    }

    /** PRELIMINARY and FINAL are both a valid frikort. */
    public boolean isFrikort() {
        return "PRELIMINARY".equals(status) || "FINAL".equals(status);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }
}
