package org.ubiopsgateway.gateway.observability;

import io.restassured.RestAssured;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The samples of the running gateway's {@code /q/metrics}, read from Prometheus's text format. */
public record PrometheusText(List<Sample> samples) {

    /** A metric line: {@code name{label="value",…} number}; exemplars after {@code #} are ignored. */
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*?)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Requests the HTTP server has begun and not yet counted in {@code http_server_requests}. */
    private static final String IN_FLIGHT = "http_server_active_requests";

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /**
     * The metrics once every answer the gateway gave is counted in them. Vert.x counts a request in
     * {@code http_server_requests} as its response ends, just after the answer's bytes are written: a scrape sent
     * the moment the previous answer arrived may come before that. The scrape is itself in flight, so the metrics
     * are complete when it is the only one.
     */
    public static PrometheusText scrape() {
        return Eventually.await("no request but the scrape itself in flight, every answer counted",
                PrometheusText::scrapeNow, metrics -> metrics.inFlight() <= 1,
                metrics -> IN_FLIGHT + " " + metrics.inFlight());
    }

    private static PrometheusText scrapeNow() {
        String body = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new PrometheusText(body.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(PrometheusText::sample).toList());
    }

    private static Sample sample(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(4)));
    }

    private double inFlight() {
        return named(IN_FLIGHT).stream().mapToDouble(Sample::value).sum();
    }

    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** Names as a query sees them: every sample name, and for histograms and summaries the family name too. */
    public Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    /** The label sets of one metric: its series. */
    public Set<Map<String, String>> series(String name) {
        return named(name).stream().map(Sample::labels).collect(Collectors.toSet());
    }
}
