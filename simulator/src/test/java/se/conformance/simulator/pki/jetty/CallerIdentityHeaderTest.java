package se.conformance.simulator.pki.jetty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import se.conformance.simulator.pki.ClientCertificates;
import se.conformance.simulator.pki.IssuedCertificate;
import se.conformance.simulator.pki.TestPki;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.transport.GuardedJettyServerFactory;
import se.conformance.simulator.transport.RequestLimits;
import se.conformance.simulator.pki.TlsStores;

/**
 * The caller-identity contract on the wire: what a WireMock extension behind our server factory
 * sees in {@link ClientCertificates#HSA_ID_HEADER}. Raw sockets, so the forged copies go out
 * exactly as written (two spellings, two copies).
 */
class CallerIdentityHeaderTest {

    private static final String FORGED = "X-Conformance-TLS-Client-HsaId: SE2321000016-EVIL\r\n"
            + "x-conformance-tls-client-hsaid: TSTNMT2321000156-2002\r\n";

    /** Answers with every value of the header the services would see, "none" when absent. */
    static final class Echo implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "echo-caller";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            HttpHeader h = event.getRequest().getHeaders().getHeader(ClientCertificates.HSA_ID_HEADER);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withBody(h.isPresent() ? String.join("|", h.values()) : "none").build();
        }
    }

    private static WireMockServer server(WireMockConfiguration config) {
        WireMockServer s = new WireMockServer(config.bindAddress("127.0.0.1").extensions(new Echo()));
        s.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        s.start();
        return s;
    }

    @Test
    void plainHttpNeverPassesAClientsCopy() throws Exception {
        WireMockServer s = server(options().dynamicPort().httpServerFactory(new GuardedJettyServerFactory(RequestLimits.DEFAULT)));
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            assertThat(exchange(socket, FORGED)).endsWith("none");
        } finally {
            s.stop();
        }
    }

    @Test
    void tlsSetsTheVerifiedHsaIdAndOnlyThat() throws Exception {
        WireMockServer s = server(tls(TestPki.sharedMode()));
        try {
            assertThat(exchange(tlsSocket(s, TestPki.VENDOR), FORGED)).endsWith(TestPki.VENDOR_HSA_ID);
            assertThat(exchange(tlsSocket(s, TestPki.VENDOR), "")).endsWith(TestPki.VENDOR_HSA_ID);
            assertThat(exchange(tlsSocket(s, null), FORGED)).startsWith("HTTP/1.1 403");
        } finally {
            s.stop();
        }
    }

    @Test
    void whenCertificatesAreOptionalACallerWithoutOneHasNoIdentity() throws Exception {
        WireMockServer s = server(tls(TestPki.sharedMode().requireClientCertificate(false)));
        try {
            assertThat(exchange(tlsSocket(s, null), FORGED)).endsWith("none");
            assertThat(exchange(tlsSocket(s, TestPki.VENDOR), FORGED)).endsWith(TestPki.VENDOR_HSA_ID);
            assertThat(exchange(tlsSocket(s, TestPki.FOREIGN), FORGED)).as("a certificate sent is judged even when optional")
                    .startsWith("HTTP/1.1 403");
        } finally {
            s.stop();
        }
    }

    private static WireMockConfiguration tls(TlsSettings settings) {
        return options().httpDisabled(true).httpsPort(0).httpServerFactory(new GuardedJettyServerFactory(RequestLimits.DEFAULT, settings));
    }

    private static Socket tlsSocket(WireMockServer s, IssuedCertificate certificate) throws Exception {
        var ks = certificate == null ? null : certificate.keyStore("c", TestPki.PASSWORD.toCharArray());
        SSLSocket socket = (SSLSocket) TlsStores.clientContext(ks, TestPki.PASSWORD.toCharArray(), TestPki.CA.trustStore())
                .getSocketFactory().createSocket("127.0.0.1", s.httpsPort());
        socket.startHandshake();
        return socket;
    }

    /** One HTTP/1.1 GET with {@code extraHeaders}; the whole raw answer. */
    private static String exchange(Socket socket, String extraHeaders) throws Exception {
        try (socket) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /who HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
