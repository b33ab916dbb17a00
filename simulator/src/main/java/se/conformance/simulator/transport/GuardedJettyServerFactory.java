package se.conformance.simulator.transport;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import com.github.tomakehurst.wiremock.jetty11.Jetty11Utils;
import java.util.EnumSet;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import se.conformance.simulator.pki.ClientCertificates;
import se.conformance.simulator.pki.TlsSettings;
import se.conformance.simulator.pki.jetty.CallerIdentityHandler;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.Handler;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.HttpConnectionFactory;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.server.SslConnectionFactory;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;
import wiremock.org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The simulator's one HTTP server: WireMock's own Jetty 11 server with what WireMock has no option
 * for.
 * <ul>
 *   <li>{@link RequestLimits} on every connector: the body limit and data rate, a deadline for a whole
 *       request to arrive, and a filter in front of the stub servlet that reads each body at most to
 *       its limit.</li>
 *   <li>Every request on every connector first passes {@link CallerIdentityHandler}, which sets
 *       {@link ClientCertificates#HSA_ID_HEADER} from a verified client certificate or strips it, so the
 *       header can never be forged, not even over plain HTTP.</li>
 *   <li>With {@link TlsSettings}, the HTTPS connector uses our TLS context: client certificates asked
 *       for and judged on every request, no renegotiation.</li>
 * </ul>
 * (The standalone WireMock jar relocates Jetty and the servlet API under {@code wiremock.}; these
 * classes are bound to that build.)
 */
public final class GuardedJettyServerFactory implements HttpServerFactory {

    private final RequestLimits limits;
    private final SSLContext ssl;
    private final ClientCertificates judge;
    private final boolean certificateRequired;

    /** Plain HTTP (the quickstart): limits, and the identity header only stripped. */
    public GuardedJettyServerFactory(RequestLimits limits) {
        this(limits, null);
    }

    /** @param tls null for plain HTTP */
    public GuardedJettyServerFactory(RequestLimits limits, TlsSettings tls) {
        this.limits = Objects.requireNonNull(limits);
        this.ssl = tls == null ? null : tls.serverContext();
        this.judge = tls == null ? null : tls.clientCertificates();
        this.certificateRequired = tls != null && tls.clientCertificateRequired();
    }

    @Override
    public String getName() {
        return "guarded-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        SSLContext context = ssl;
        CallerIdentityHandler gate = new CallerIdentityHandler(judge, certificateRequired);
        // The super constructor calls the overrides; an anonymous class's captured locals are set before it runs.
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings settings,
                    NetworkTrafficListener listener) {
                return guarded(super.createHttpConnector(bindAddress, port, settings, listener));
            }

            @Override
            protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings https,
                    JettySettings settings, NetworkTrafficListener listener) {
                if (context == null) return guarded(super.createHttpsConnector(bindAddress, https, settings, listener));
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setSslContext(context);
                tls.setWantClientAuth(gate.asksForCertificates());
                tls.setRenegotiationAllowed(false); // one certificate per connection, judged on every request
                HttpConfiguration http = Jetty11Utils.createHttpConfig(settings); // brings the SecureRequestCustomizer
                return guarded(Jetty11Utils.createServerConnector(jettyServer, bindAddress, settings, https.port(),
                        listener, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http)));
            }

            @Override
            protected Handler createHandler(Options o, AdminRequestHandler a, StubRequestHandler s) {
                gate.setHandler(super.createHandler(o, a, s));
                return gate;
            }

            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                context.addFilter(new FilterHolder(new BodyLimitFilter(limits)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
            }
        };
    }

    private ServerConnector guarded(ServerConnector connector) {
        for (ConnectionFactory f : connector.getConnectionFactories()) {
            if (f instanceof HttpConfiguration.ConnectionFactory http) {
                HttpConfiguration c = http.getHttpConfiguration();
                c.setMinRequestDataRate(limits.minBodyBytesPerSecond());
                c.setRequestHeaderSize(limits.maxHeaderBytes());
            }
        }
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new RequestDeadline(connector, limits.requestDeadline()));
        return connector;
    }
}
