package se.conformance.simulator.transport;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import wiremock.org.eclipse.jetty.http.HttpParser;
import wiremock.org.eclipse.jetty.io.EndPoint;
import wiremock.org.eclipse.jetty.server.HttpConnection;
import wiremock.org.eclipse.jetty.server.ServerConnector;
import wiremock.org.eclipse.jetty.util.component.AbstractLifeCycle;
import wiremock.org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose current request has not arrived completely within the deadline after
 * its first byte. Jetty's idle timeout restarts with every byte, so a client that sends its headers
 * one byte a second (slow loris) would otherwise keep a connection open for ever; the body data
 * rate alone does not cover the head. Checked twice a second on every open HTTP/1.1 connection.
 */
final class RequestDeadline extends AbstractLifeCycle implements Runnable {

    private static final System.Logger LOG = System.getLogger(RequestDeadline.class.getName());
    private static final long SWEEP_MILLIS = 500;

    /** When a connection was first seen in the middle of a request, and which request that was. */
    private record Partial(long messagesIn, long sinceNanos) {}

    private final ServerConnector connector;
    private final long deadlineNanos;
    private final Map<HttpConnection, Partial> partial = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();
    private volatile Scheduler.Task next;

    RequestDeadline(ServerConnector connector, Duration deadline) {
        this.connector = connector;
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task t = next;
        if (t != null) t.cancel();
        partial.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) next = connector.getScheduler().schedule(this, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request deadline sweep failed", e);
        } finally {
            schedule();
        }
    }

    private void sweep(long now) {
        Set<HttpConnection> seen = new HashSet<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (!(endPoint.getConnection() instanceof HttpConnection c) || !midRequest(c.getParser())) continue;
            seen.add(c);
            long messages = c.getMessagesIn();
            Partial p = partial.get(c);
            if (p == null || p.messagesIn() != messages) {
                partial.put(c, new Partial(messages, now));
            } else if (now - p.sinceNanos() > deadlineNanos) {
                closed.incrementAndGet();
                LOG.log(System.Logger.Level.INFO, "closing connection from " + endPoint.getRemoteSocketAddress()
                        + ": request not complete within " + Duration.ofNanos(deadlineNanos).toSeconds() + " s");
                endPoint.close();
            }
        }
        partial.keySet().retainAll(seen);
    }

    /** Between the first byte of a request and its end: neither idle before one nor done with one. */
    private static boolean midRequest(HttpParser parser) {
        HttpParser.State s = parser.getState();
        return s.ordinal() > HttpParser.State.START.ordinal() && s.ordinal() < HttpParser.State.END.ordinal();
    }

    /** Connections closed for missing the deadline since start. */
    long closedConnections() {
        return closed.get();
    }
}
