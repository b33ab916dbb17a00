package se.conformance.simulator.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import wiremock.jakarta.servlet.Filter;
import wiremock.jakarta.servlet.FilterChain;
import wiremock.jakarta.servlet.ReadListener;
import wiremock.jakarta.servlet.ServletException;
import wiremock.jakarta.servlet.ServletInputStream;
import wiremock.jakarta.servlet.ServletRequest;
import wiremock.jakarta.servlet.ServletResponse;
import wiremock.jakarta.servlet.http.HttpServletRequest;
import wiremock.jakarta.servlet.http.HttpServletRequestWrapper;
import wiremock.jakarta.servlet.http.HttpServletResponse;
import wiremock.org.eclipse.jetty.http.BadMessageException;

/**
 * Reads each request body here, at most to {@link RequestLimits#maxBodyBytes()}, before WireMock
 * does: WireMock reads a whole body into memory (and inflates a gzip body) whatever its size. A
 * body over the limit is refused unread when its length is declared and as soon as it passes the
 * limit when it is chunked; a compressed body is refused because its real size shows only after
 * inflating it. The answer is a SOAP 1.1 fault on service paths and JSON on the control API, with
 * HTTP 413, 415, 400 or 408, and the connection is closed.
 */
final class BodyLimitFilter implements Filter {

    private final RequestLimits limits;

    BodyLimitFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            refuse(request, response, 415, "Content-Encoding " + encoding.trim()
                    + " is not accepted: send the body uncompressed (limit " + RequestLimits.bytes(limits.maxBodyBytes()) + ")",
                    "Content-Encoding " + encoding.trim() + " tas inte emot: skicka kroppen okomprimerad (gräns "
                            + RequestLimits.bytes(limits.maxBodyBytes()) + ")");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            refuse(request, response, 413, tooLarge(declared + " byte"), tooLargeSv(declared + " byte"));
            return;
        }
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), limits.maxBodyBytes(), declared);
        } catch (BadMessageException e) {
            // Jetty's own verdicts while reading: broken chunking (400), body slower than the data rate (408)
            refuse(request, response, e.getCode(), "request body: " + e.getReason(), "Begärans kropp: " + e.getReason());
            return;
        } catch (IOException e) {
            if (response.isCommitted()) throw e;
            String framing = chunked ? "broken chunked transfer encoding (" + e.getMessage() + ")" : "ended early (" + e.getMessage() + ")";
            String framingSv = chunked ? "trasig chunked-kodning (" + e.getMessage() + ")" : "tog slut i förtid (" + e.getMessage() + ")";
            refuse(request, response, 400, "request body: " + framing, "Begärans kropp: " + framingSv);
            return;
        }
        if (body == null) {
            refuse(request, response, 413, tooLarge("more than that (chunked)"), tooLargeSv("mer än så (chunked)"));
            return;
        }
        chain.doFilter(new BufferedRequest(request, body), response);
    }

    private String tooLarge(String size) {
        return "request body exceeds the " + RequestLimits.bytes(limits.maxBodyBytes()) + " limit: " + size;
    }

    private String tooLargeSv(String size) {
        return "Begärans kropp överskrider gränsen " + RequestLimits.bytes(limits.maxBodyBytes()) + ": " + size;
    }

    /**
     * The body, or {@code null} as soon as it is longer than {@code max}; buffers sized to the declared
     * length when there is one (most SOAP requests are under 2 KiB: no 16 KiB of garbage per call).
     */
    private static byte[] readAtMost(InputStream in, int max, long declared) throws IOException {
        int size = declared > 0 ? (int) Math.min(declared, 8192) : 8192;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        byte[] buf = new byte[size];
        int n;
        while ((n = in.read(buf)) != -1) {
            if (out.size() + n > max) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String english,
            String swedish) throws IOException {
        if (response.isCommitted()) return;
        response.reset();
        response.setStatus(status);
        response.setHeader("Connection", "close"); // whatever is left of the body is not read
        String body;
        if (request.getRequestURI().startsWith("/control/")) {
            response.setContentType("application/json; charset=UTF-8");
            body = "{\"error\": \"" + english.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        } else {
            response.setContentType("text/xml; charset=UTF-8");
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
                    + swedish.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    + "</faultstring></soap:Fault></soap:Body></soap:Envelope>";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The request with its body already read, for WireMock to read again from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                /** WireMock reads the body with this: one copy, not InputStream's 8 KiB chunks. */
                @Override
                public byte[] readAllBytes() {
                    return in.readAllBytes();
                }
            };
        }
    }
}
