package se.conformance.simulator.transport;

import com.github.tomakehurst.wiremock.common.HttpsSettings;
import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.EnumSet;
import wiremock.jakarta.servlet.DispatcherType;
import wiremock.org.eclipse.jetty.io.NetworkTrafficListener;
import wiremock.org.eclipse.jetty.server.ConnectionFactory;
import wiremock.org.eclipse.jetty.server.HttpConfiguration;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.servlet.FilterHolder;
import wiremock.org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty server with the simulator's {@link RequestLimits} applied where WireMock has
 * no option for them: the body limit and the body data rate on every connector, a deadline for a
 * whole request to arrive, and a filter in front of the stub servlet that reads each body at most
 * to its limit. (The standalone WireMock jar relocates Jetty and the servlet API under
 * {@code wiremock.}; these classes are bound to that build.)
 */
public final class GuardedJettyServerFactory implements HttpServerFactory {

    private final RequestLimits limits;

    public GuardedJettyServerFactory(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public String getName() {
        return "guarded-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            @Override
            protected ServerConnector createHttpConnector(String bindAddress, int port, JettySettings settings,
                    NetworkTrafficListener listener) {
                return guarded(super.createHttpConnector(bindAddress, port, settings, listener));
            }

            @Override
            protected ServerConnector createHttpsConnector(String bindAddress, HttpsSettings https,
                    JettySettings settings, NetworkTrafficListener listener) {
                return guarded(super.createHttpsConnector(bindAddress, https, settings, listener));
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
