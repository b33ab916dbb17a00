package se.conformance.simulator.pki.jetty;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import javax.net.ssl.SSLContext;
import se.conformance.simulator.pki.ClientCertificates;
import se.conformance.simulator.pki.TlsSettings;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.SslConnectionFactory;
import wiremock.org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * WireMock's Jetty 11 server with two changes: the HTTPS connector uses our TLS context (client
 * certificates asked for, judged per request), and every request on every connector first
 * passes {@link CallerIdentityHandler}, which sets or strips
 * {@link ClientCertificates#HSA_ID_HEADER}. Used for plain HTTP too, so the header can never be
 * forged there either.
 */
public final class CallerIdentityServerFactory implements HttpServerFactory {

    private final SSLContext ssl;
    private final ClientCertificates judge;
    private final boolean required;

    private CallerIdentityServerFactory(SSLContext ssl, ClientCertificates judge, boolean required) {
        this.ssl = ssl;
        this.judge = judge;
        this.required = required;
    }

    /** Plain HTTP (the quickstart): no caller identity, the header is only stripped. */
    public static CallerIdentityServerFactory plain() {
        return new CallerIdentityServerFactory(null, null, false);
    }

    public static CallerIdentityServerFactory tls(TlsSettings settings) {
        return new CallerIdentityServerFactory(settings.serverContext(), settings.clientCertificates(),
                settings.clientCertificateRequired());
    }

    @Override
    public String getName() {
        return "conformance-caller-identity";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        SSLContext context = ssl;
        CallerIdentityHandler gate = new CallerIdentityHandler(judge, required);
        // The super constructor calls both overrides; an anonymous class's captured locals are set before it runs.
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings https, JettySettings jetty,
                    NetworkTrafficListener listener) {
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setSslContext(context);
                tls.setWantClientAuth(gate.asksForCertificates());
                tls.setRenegotiationAllowed(false); // one certificate per connection, judged on every request
                HttpConfiguration http = Jetty11Utils.createHttpConfig(jetty); // brings the SecureRequestCustomizer
                return Jetty11Utils.createServerConnector(jettyServer, bindAddress, jetty, https.port(), listener,
                        new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
            }

            @Override
            protected Handler createHandler(Options o, AdminRequestHandler a, StubRequestHandler s) {
                gate.setHandler(super.createHandler(o, a, s));
                return gate;
            }
        };
    }
}
