package se.conformance.vendor.soap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP 1.1 (RIV-TA BP 2.1) over {@link HttpClient}: the envelope with the LogicalAddress header,
 * one call with a time-out, the answer's payload or its fault.
 */
public final class SoapClient {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String REGISTRY_NS = "urn:riv:itintegration:registry:1";

    private final HttpClient http;
    private final Duration timeout;

    public SoapClient(Duration timeout) {
        this(timeout, null);
    }

    /** With {@code tls} (from {@link Tls#context}) for https:// addresses; null: the JDK's defaults. */
    public SoapClient(Duration timeout, SSLContext tls) {
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) b.sslContext(tls);
        this.http = b.build();
    }

    public Duration timeout() {
        return timeout;
    }

    /** The whole envelope around {@code payload} (one element with its namespace declarations). */
    public static String envelope(String logicalAddress, String payload) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\" xmlns:add=\"" + REGISTRY_NS + "\">"
                + "<soap:Header><add:LogicalAddress>" + Xml.esc(logicalAddress) + "</add:LogicalAddress></soap:Header>"
                + "<soap:Body>" + payload + "</soap:Body></soap:Envelope>";
    }

    public SoapCall call(String url, String soapAction, String logicalAddress, String payload) {
        return post(url, soapAction, envelope(logicalAddress, payload));
    }

    /** Posts a complete envelope. */
    public SoapCall post(String url, String soapAction, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + soapAction + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return SoapCall.noAnswer("inget svar inom " + timeout.toMillis() / 1000.0 + " s");
        } catch (IOException e) {
            return SoapCall.noAnswer("förbindelsen bröts utan svar (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SoapCall.noAnswer("avbrutet");
        }
        Document doc;
        try {
            doc = Xml.parse(response.body());
        } catch (Exception e) {
            return SoapCall.noAnswer("HTTP " + response.statusCode() + " utan läsbart SOAP-svar");
        }
        Element body = Xml.children(doc.getDocumentElement()).stream()
                .filter(e -> "Body".equals(e.getLocalName())).findFirst().orElse(null);
        Optional<Element> payload = Xml.children(body).stream().findFirst();
        if (payload.isEmpty()) {
            return SoapCall.noAnswer("HTTP " + response.statusCode() + " med tom SOAP Body");
        }
        if ("Fault".equals(payload.get().getLocalName())) {
            String fs = Xml.childText(payload.get(), "faultstring");
            return SoapCall.fault(fs == null ? "" : fs);
        }
        return SoapCall.answer(payload.get());
    }
}
