package org.ubiopsgateway.gateway.observability;

import io.restassured.RestAssured;

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

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static PrometheusText scrape() {
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
