package se.conformance.simulator.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

/**
 * HTTP/1.1 over a plain socket, because the attacks are malformed on purpose: whatever bytes the
 * case says, sent the way the case says (all at once, streamed, one byte at a time), and the answer
 * read to the end of the connection.
 */
final class RawHttp {

    /** What came back: status 0 when the server closed the connection without an answer. */
    record Answer(int status, String head, String body, long millis, long bytesSent, String writeError) {
        String text() {
            return head + "\n" + body;
        }

        /** The simulator's trace id of a SOAP exchange, or null. */
        String traceId() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("x-trace-id:")) return line.substring(11).trim();
            }
            return null;
        }
    }

    private static final int READ_TIMEOUT_MILLIS = 20_000;
    private final int port;
    private final ExecutorService writers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-writer");
        t.setDaemon(true);
        return t;
    });

    RawHttp(int port) {
        this.port = port;
    }

    /** A request of our making: method and path, headers, body as given. */
    static byte[] head(String target, java.util.Map<String, String> headers) {
        String[] mt = target.split(" ", 2);
        StringBuilder h = new StringBuilder(mt[0]).append(' ').append(mt[1]).append(" HTTP/1.1\r\n");
        headers.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) h.append(k).append(": ").append(v).append("\r\n");
        });
        return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    Answer send(byte[] head, Body body) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            long[] sent = {0};
            String[] error = {null};
            Future<?> writing = writers.submit(() -> {
                try {
                    out.write(head);
                    sent[0] += head.length;
                    body.writeTo(out, n -> sent[0] += n);
                    out.flush();
                } catch (IOException | InterruptedException e) {
                    error[0] = e.getClass().getSimpleName() + ": " + e.getMessage(); // the server stopped reading: expected for refusals
                }
                return null;
            });
            byte[] answer = readAll(s.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            writing.cancel(true);
            return parse(answer, millis, sent[0], error[0]);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) != -1) buf.write(b, 0, n);
        } catch (SocketTimeoutException e) {
            throw new IOException("no end of answer within " + READ_TIMEOUT_MILLIS + " ms; read so far: "
                    + new String(buf.toByteArray(), StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            // a reset after the answer (the server closed with our body unread) still leaves the answer
            if (buf.size() == 0) return new byte[0];
        }
        return buf.toByteArray();
    }

    private static Answer parse(byte[] bytes, long millis, long sent, String writeError) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (bytes.length == 0 || end < 0) return new Answer(0, all, "", millis, sent, writeError);
        String head = all.substring(0, end);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) rest = dechunk(rest);
        return new Answer(status, head, new String(rest, StandardCharsets.UTF_8), millis, sent, writeError);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(b, i);
            if (eol < 0) break;
            String size = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = Integer.parseInt(size, 16);
            if (n == 0) break;
            out.write(b, eol + 2, Math.min(n, b.length - eol - 2));
            i = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length - 1; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    /** How a body goes out. */
    interface Body {
        void writeTo(OutputStream out, java.util.function.LongConsumer sent) throws IOException, InterruptedException;

        static Body none() {
            return (out, sent) -> {};
        }

        static Body bytes(byte[] b) {
            return (out, sent) -> {
                out.write(b);
                sent.accept(b.length);
            };
        }

        /** {@code prefix}, then spaces, up to {@code total} bytes; chunked or with the length declared. */
        static Body streamed(byte[] prefix, long total, boolean chunked) {
            return (out, sent) -> {
                byte[] pad = new byte[64 * 1024];
                Arrays.fill(pad, (byte) ' ');
                long left = total;
                byte[] first = prefix;
                while (left > 0) {
                    byte[] part = first != null ? first : pad;
                    int n = (int) Math.min(part.length, left);
                    first = null;
                    if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(part, 0, n);
                    if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    left -= n;
                    sent.accept(n);
                }
                if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            };
        }

        /** One byte every {@code intervalMillis}: {@code bytes}, then for ever {@code filler}. */
        static Body trickle(byte[] bytes, byte filler, long intervalMillis, boolean forever) {
            return (out, sent) -> {
                for (int i = 0; forever || i < bytes.length; i++) {
                    out.write(i < bytes.length ? bytes[i] : filler);
                    out.flush();
                    sent.accept(1);
                    Thread.sleep(intervalMillis);
                }
            };
        }
    }

    static byte[] gzippedZeros(long n) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            byte[] zeros = new byte[1 << 20];
            for (long left = n; left > 0; left -= zeros.length) gz.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
        return buf.toByteArray();
    }

    void close() {
        writers.shutdownNow();
    }
}
