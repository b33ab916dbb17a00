package se.conformance.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two e-frikort v3 calls of the load, made from the request examples in
 * {@code docs/examples/efrikort} (the ones the simulator's tests send; resources under
 * {@code soap/}), with the person, date and amount varied; and Intygstjänsten's
 * RegisterCertificate 3 from {@code docs/examples/intyg/RegisterCertificate.xml} (a LISJP), with a
 * new certificate id each time.
 */
final class Soap {

    static final String REGISTER_TRANSACTION = "RegisterTransaction";
    static final String GET_CARD_FOR_PERSON = "GetCardForPerson";
    static final String REGISTER_CERTIFICATE = "RegisterCertificate";

    /** The certificate id's extension, inside {@code <c:intygs-id>} (the {@code root} before it is kept). */
    private static final Pattern CERTIFICATE_ID =
            Pattern.compile("(<c:intygs-id>\\s*<t:root>[^<]*</t:root>\\s*<t:extension>)[^<]*(</t:extension>)");

    private static final Pattern PERSON = Pattern.compile("(<r:personId>)[^<]*(</r:personId>)");
    private static final Pattern DATE = Pattern.compile("(<r:transactionDate>)[^<]*(</r:transactionDate>)");
    private static final Pattern AMOUNT = Pattern.compile("(<r:amount>)[^<]*(</r:amount>)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String registerTemplate;
    private final String getCardTemplate;
    private final String registerCertificateTemplate;

    Soap() {
        registerTemplate = requireContains(resource("soap/RegisterTransaction.xml"), PERSON, DATE, AMOUNT);
        getCardTemplate = requireContains(resource("soap/GetCardForPerson.xml"), PERSON);
        registerCertificateTemplate = requireContains(resource("soap/RegisterCertificate.xml"), CERTIFICATE_ID);
    }

    static String path(String operation) {
        if (REGISTER_CERTIFICATE.equals(operation)) {
            return "/clinicalprocess/healthcond/certificate/" + operation + "/3/rivtabp21";
        }
        return "/efrikortService/" + operation + "/3/rivtabp21";
    }

    static String soapAction(String operation) {
        if (REGISTER_CERTIFICATE.equals(operation)) {
            return "urn:riv:clinicalprocess:healthcond:certificate:" + operation + "Responder:3:" + operation;
        }
        return "urn:riv:cgi:healthcare:efrikort:" + operation + "Responder:3:" + operation;
    }

    String registerTransactionBody(String personId, LocalDate date, String amount) {
        String body = set(registerTemplate, PERSON, personId);
        body = set(body, DATE, date.toString());
        return set(body, AMOUNT, amount);
    }

    String getCardForPersonBody(String personId) {
        return set(getCardTemplate, PERSON, personId);
    }

    /** The example LISJP with {@code certificateId} as the extension of its {@code intygs-id}. */
    String registerCertificateBody(String certificateId) {
        return set(registerCertificateTemplate, CERTIFICATE_ID, certificateId);
    }

    /** The example LISJP with a new random UUID as its certificate id. */
    String registerCertificateBody() {
        return registerCertificateBody(UUID.randomUUID().toString());
    }

    private static String set(String template, Pattern element, String value) {
        return element.matcher(template).replaceFirst("$1" + Matcher.quoteReplacement(value) + "$2");
    }

    static HttpRequest post(String baseUrl, String operation, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path(operation)))
                .timeout(TIMEOUT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", soapAction(operation))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /**
     * The {@code resultCode} of an e-frikort answer (any namespace prefix), or {@code null} when
     * the body has none (a SOAP fault, an HTML error page …).
     */
    static String resultCode(String body) {
        if (body == null) return null;
        int i = body.indexOf("resultCode>");
        while (i >= 0) {
            // the opening tag: '<' or '<prefix:' just before, and no '/' (that would be the closing tag)
            int lt = body.lastIndexOf('<', i);
            if (lt >= 0 && body.charAt(lt + 1) != '/') {
                int start = i + "resultCode>".length();
                int end = body.indexOf('<', start);
                return end < 0 ? null : body.substring(start, end).trim();
            }
            i = body.indexOf("resultCode>", i + 1);
        }
        return null;
    }

    /** OK and INFO mean "performed"; every other code (or none) makes a run invalid. */
    static boolean performed(String resultCode) {
        return "OK".equals(resultCode) || "INFO".equals(resultCode);
    }

    /** Intygstjänsten's ResultType ({@code result/resultCode}): only OK means the certificate was registered. */
    static boolean certificateRegistered(String resultCode) {
        return "OK".equals(resultCode);
    }

    private static String resource(String name) {
        try (InputStream in = Soap.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requireContains(String template, Pattern... elements) {
        for (Pattern p : elements) {
            if (!p.matcher(template).find()) throw new IllegalStateException("example envelope lacks " + p.pattern());
        }
        return template;
    }
}
