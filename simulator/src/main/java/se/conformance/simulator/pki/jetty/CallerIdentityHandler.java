package se.conformance.simulator.pki.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import se.conformance.simulator.pki.ClientCertificates;
import se.conformance.simulator.pki.ClientCertificates.Verdict;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.HttpFields;
import wiremock.org.eclipse.jetty.io.ssl.SslConnection;
import wiremock.org.eclipse.jetty.server.Request;
import wiremock.org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The outermost handler: nothing of the simulator (services, control API, WireMock's admin)
 * sees a request before it. It removes any {@link ClientCertificates#HSA_ID_HEADER} the client
 * sent, judges the TLS client certificate and either sets the header to the verified HSA-id or
 * answers 403 with the reason (a SOAP fault, or JSON on the control API) and closes the connection.
 */
public final class CallerIdentityHandler extends HandlerWrapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientCertificates judge;
    private final boolean required;

    public CallerIdentityHandler(ClientCertificates judge, boolean required) {
        this.judge = judge;
        this.required = required;
    }

    public boolean asksForCertificates() {
        return judge != null;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String hsaId = null;
        if (judge != null) {
            X509Certificate[] chain = clientChain(base);
            if (chain != null || required) {
                Verdict verdict = judge.verify(chain, Instant.now());
                if (verdict instanceof Verdict.Refused refused) {
                    refuse(base, response, refused);
                    return;
                }
                hsaId = ((Verdict.Accepted) verdict).hsaId();
            }
        }
        HttpFields fields = base.getHttpFields();
        if (hsaId != null || fields.contains(ClientCertificates.HSA_ID_HEADER)) {
            HttpFields.Mutable replaced = HttpFields.build(fields);
            replaced.remove(ClientCertificates.HSA_ID_HEADER); // case-insensitive, every copy
            if (hsaId != null) replaced.put(ClientCertificates.HSA_ID_HEADER, hsaId);
            base.setHttpFields(replaced.asImmutable());
        }
        super.handle(target, base, request, response);
    }

    private static void refuse(Request base, HttpServletResponse response, Verdict.Refused refused) throws IOException {
        base.setHandled(true);
        String path = base.getRequestURI() == null ? "" : base.getRequestURI();
        byte[] body;
        if (path.startsWith("/control/")) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("error", refused.message());
            json.put("reason", refused.reason().name());
            body = JSON.writeValueAsBytes(json);
            response.setContentType("application/json; charset=UTF-8");
        } else {
            body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>" + xml(refused.message())
                    + "</faultstring></soap:Fault></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/xml; charset=UTF-8");
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader(ClientCertificates.REFUSAL_HEADER, refused.reason().name());
        response.setHeader("Connection", "close"); // the connection's certificate will not change
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The chain the client presented on this request's TLS connection, straight from the
     * SSLSession (Jetty's own X509Certificate attribute came back empty with our TLS context).
     */
    private static X509Certificate[] clientChain(Request base) {
        if (!(base.getHttpChannel().getEndPoint() instanceof SslConnection.DecryptedEndPoint tls)) return null;
        try {
            Certificate[] peer = tls.getSslConnection().getSSLEngine().getSession().getPeerCertificates();
            X509Certificate[] chain = new X509Certificate[peer.length];
            for (int i = 0; i < peer.length; i++) {
                if (!(peer[i] instanceof X509Certificate x509)) return null;
                chain[i] = x509;
            }
            return chain;
        } catch (SSLPeerUnverifiedException e) {
            return null; // the client sent no certificate
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
