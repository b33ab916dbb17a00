package se.conformance.simulator.intyg.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import se.conformance.simulator.intyg.notification.Reply.Kind;

/**
 * Calls a vendor's SOAP 1.1 endpoint once: POST with the operation's SOAPAction, a connection within
 * the connect timeout, the whole answer within the read timeout after it. Never throws for what the
 * network or the vendor does; every outcome is a {@link Reply}. Only an interrupted caller gets a
 * {@link CancellationException}.
 */
final class SoapClient {

    /** What one call gave: the judged reply, and the raw answer for the journal. */
    record Response(Reply reply, Integer httpStatus, String body, int durationMillis) {}

    private final HttpClient http;
    private final long connectMillis;
    private final long readMillis;

    SoapClient(DeliverySettings settings) {
        this.connectMillis = settings.connectTimeout().toMillis();
        this.readMillis = settings.readTimeout().toMillis();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // RIV-TA is SOAP over HTTP/1.1; no h2c upgrade attempts
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Response call(String url, OutboundRequest request, String traceId) {
        long start = System.nanoTime();
        HttpRequest httpRequest;
        try {
            httpRequest = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMillis(readMillis))
                    .header("Content-Type", "text/xml; charset=UTF-8")
                    .header("SOAPAction", "\"" + request.operation().soapAction() + "\"")
                    .header("x-trace-id", traceId)
                    .POST(HttpRequest.BodyPublishers.ofString(request.envelope(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return failed(Kind.CONNECTION_ERROR, "the endpoint URL '" + url + "' cannot be called: " + e.getMessage(),
                    start);
        }
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(httpRequest,
                HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout covers the head of the answer; this bound covers connection and whole body too
            HttpResponse<byte[]> answer = pending.get(connectMillis + readMillis, TimeUnit.MILLISECONDS);
            byte[] body = answer.body();
            String text = body == null ? null : OutboundJournal.storable(new String(body, StandardCharsets.UTF_8));
            return new Response(Reply.read(request.operation(), answer.statusCode(), body), answer.statusCode(), text,
                    elapsed(start));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failed(Kind.TIMEOUT, "no complete answer within " + readMillis + " ms", start);
        } catch (ExecutionException e) {
            return failed(e.getCause(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.cancel(true);
            // the sender is stopping: no outcome to record, the notification stays due
            throw new CancellationException("interrupted while calling " + url);
        }
    }

    private Response failed(Throwable cause, long start) {
        if (cause instanceof HttpConnectTimeoutException) {
            return failed(Kind.CONNECTION_ERROR, "no connection within " + connectMillis + " ms", start);
        }
        if (cause instanceof HttpTimeoutException) {
            return failed(Kind.TIMEOUT, "no answer within " + readMillis + " ms", start);
        }
        if (cause instanceof ConnectException) {
            return failed(Kind.CONNECTION_ERROR, "connection refused or unreachable: " + deepest(cause), start);
        }
        if (cause instanceof IOException) {
            return failed(Kind.CONNECTION_ERROR, "connection failed: " + deepest(cause), start);
        }
        return failed(Kind.CONNECTION_ERROR, "call failed: " + deepest(cause), start);
    }

    private static Response failed(Kind kind, String text, long start) {
        return new Response(Reply.transport(kind, text), null, null, elapsed(start));
    }

    private static String deepest(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static int elapsed(long start) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - start) / 1_000_000);
    }
}
