package se.conformance.simulator.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain HTTP calls to a simulator that runs in another process: SOAP posts and control-API reads. */
final class SoapHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    /** An answer: HTTP status, body and the simulator's trace id. */
    record Answer(int status, String body, String traceId) {
        String resultCode() {
            List<String> codes = values(body, "resultCode");
            return codes.isEmpty() ? null : codes.get(0);
        }
    }

    private SoapHttp() {}

    static Answer post(String baseUrl, String path, String xml) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().firstValue("x-trace-id").orElse(null));
    }

    static Answer get(String baseUrl, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), null);
    }

    /** The text of every element with this local name, in document order. */
    static List<String> values(String xml, String element) {
        Matcher m = Pattern.compile("<(\\w+:)?" + element + ">([^<]*)</").matcher(xml);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(2));
        return out;
    }

    /**
     * A personnummer from its first eleven digits (YYYYMMDDNNN), check digit by the Luhn rule over the
     * ten-digit form.
     */
    static String personnummer(String yyyymmddnnn) {
        String nine = yyyymmddnnn.substring(2);
        int sum = 0;
        for (int i = 0; i < nine.length(); i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return yyyymmddnnn + (10 - sum % 10) % 10;
    }
}
