package se.conformance.vendor.efrikort;

import java.math.BigDecimal;
import java.time.LocalDate;
import se.conformance.vendor.driver.Workplace;
import se.conformance.vendor.soap.SoapCall;
import se.conformance.vendor.soap.SoapClient;
import se.conformance.vendor.soap.Xml;

/**
 * The e-frikort v3 calls the vendor makes, as SOAP over HTTP to
 * {@code <base>/efrikortService/<Op>/3/rivtabp21}; LogicalAddress = the care principal. Requests
 * are written as text in contract order (schemas: simulator/src/main/resources/contracts/efrikort):
 * the request root and its direct children in the responder namespace, the children of core types
 * ({@code actor}) in the core namespace. Answers are read by local name.
 */
public final class EfrikortClient {

    public static final String CORE_NS = "urn:riv:cgi:healthcare:efrikort:3";

    private final SoapClient soap;
    private final String baseUrl;

    public EfrikortClient(SoapClient soap, String baseUrl) {
        this.soap = soap;
        this.baseUrl = baseUrl;
    }

    /** Request body builder for one operation. */
    private static final class Req {
        final String op;
        final StringBuilder b = new StringBuilder();

        Req(String op, String carePrincipal) {
            this.op = op;
            b.append("<r:").append(op).append(" xmlns:r=\"").append(responderNs(op)).append("\" xmlns:c=\"")
                    .append(CORE_NS).append("\">");
            el("carePrincipalId", carePrincipal);
        }

        Req el(String name, Object value) {
            if (value != null) {
                b.append("<r:").append(name).append('>').append(Xml.esc(value.toString())).append("</r:")
                        .append(name).append('>');
            }
            return this;
        }

        Req actor(Workplace w, boolean withEmployee) {
            b.append("<r:actor>");
            if (withEmployee) {
                b.append("<c:employeeId>").append(Xml.esc(w.employee())).append("</c:employeeId>");
            }
            b.append("<c:careProviderId>").append(Xml.esc(w.careProvider())).append("</c:careProviderId>");
            b.append("<c:careUnitId>").append(Xml.esc(w.unit())).append("</c:careUnitId>");
            b.append("</r:actor>");
            return this;
        }

        String xml() {
            return b + "</r:" + op + ">";
        }
    }

    static String responderNs(String op) {
        return "urn:riv:cgi:healthcare:efrikort:" + op + "Responder:3";
    }

    private SoapCall send(Req req, String carePrincipal) {
        return soap.call(baseUrl + "/efrikortService/" + req.op + "/3/rivtabp21",
                responderNs(req.op) + ":" + req.op, carePrincipal, req.xml());
    }

    private static String amount(BigDecimal a) {
        return a.stripTrailingZeros().scale() <= 0 ? a.setScale(1).toPlainString() : a.toPlainString();
    }

    public SoapCall getCardForPerson(Workplace w, String personId, String cardType) {
        return send(new Req("GetCardForPerson", w.carePrincipal()).el("personId", personId).el("cardTypeId", cardType),
                w.carePrincipal());
    }

    public SoapCall registerTransaction(Workplace w, String personId, String cardType, LocalDate date, BigDecimal amount) {
        return send(new Req("RegisterTransaction", w.carePrincipal()).el("careProvider", w.careProvider())
                .el("careUnit", w.unit()).el("cardTypeId", cardType).el("personId", personId)
                .el("transactionDate", date).el("amount", amount(amount)).actor(w, true), w.carePrincipal());
    }

    public SoapCall updateTransaction(Workplace w, String transactionId, LocalDate date, BigDecimal amount,
                                      String reason, boolean withEmployee) {
        return send(new Req("UpdateTransaction", w.carePrincipal()).el("careProvider", w.careProvider())
                .el("careUnit", w.unit()).el("transactionId", transactionId).el("transactionDate", date)
                .el("amount", amount(amount)).el("updateReason", reason).actor(w, withEmployee), w.carePrincipal());
    }

    public SoapCall deleteTransaction(Workplace w, String transactionId, String reason) {
        return send(new Req("DeleteTransaction", w.carePrincipal()).el("transactionId", transactionId)
                .el("deleteReason", reason).actor(w, true), w.carePrincipal());
    }

    public SoapCall registerOptIn(Workplace w, String personId, String cardType) {
        return send(new Req("RegisterOptIn", w.carePrincipal()).el("personId", personId).el("cardTypeId", cardType)
                .actor(w, true), w.carePrincipal());
    }

    public SoapCall registerCard(Workplace w, String personId, String cardType, LocalDate validFrom, LocalDate validTo,
                                 String cardId, boolean extendExisting, String reason) {
        return send(new Req("RegisterCard", w.carePrincipal()).el("personId", personId).el("cardTypeId", cardType)
                .el("preliminaryCardDate", validFrom).el("endDate", validTo).el("cardId", cardId)
                .el("extendExisting", extendExisting).el("cardReason", reason).actor(w, true), w.carePrincipal());
    }

    public SoapCall updateCard(Workplace w, String cardSystemId, String cardId, LocalDate startDate, LocalDate endDate,
                               LocalDate preliminaryCardDate) {
        return send(new Req("UpdateCard", w.carePrincipal()).el("cardSystemId", cardSystemId).el("cardId", cardId)
                .el("startDate", startDate).el("endDate", endDate).el("preliminaryCardDate", preliminaryCardDate)
                .actor(w, true), w.carePrincipal());
    }

    public SoapCall orderNewCard(Workplace w, String personId, String cardSystemId) {
        return send(new Req("OrderNewCard", w.carePrincipal()).el("personId", personId)
                .el("cardSystemId", cardSystemId).actor(w, true), w.carePrincipal());
    }

    public SoapCall updateReadConsent(Workplace w, String personId, String cardType, boolean consent) {
        return send(new Req("UpdateReadConsent", w.carePrincipal()).el("personId", personId)
                .el("cardTypeId", cardType).el("consent", consent).actor(w, true), w.carePrincipal());
    }

    public SoapCall groupPerson(Workplace w, String cardSystemId, String personId) {
        return send(new Req("GroupPerson", w.carePrincipal()).el("cardSystemId", cardSystemId)
                .el("personId", personId).actor(w, true), w.carePrincipal());
    }
}
