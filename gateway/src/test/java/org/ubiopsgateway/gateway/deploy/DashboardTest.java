package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.observability.PrometheusText;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.DEPLOY;

/** Every metric the Grafana dashboard queries is one the running gateway publishes at /q/metrics. */
@QuarkusTest
class DashboardTest {


    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    static JsonNode dashboard() {
        return DeployFiles.json(DEPLOY.resolve("grafana/ubiops-gateway.json"));
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, labels or keywords. */
    static Set<String> metricNames(String expr) {
        String bare = RANGE.matcher(GROUPING.matcher(LABELS.matcher(expr).replaceAll("")).replaceAll("")).replaceAll("");
        Set<String> names = new TreeSet<>(DeployFiles.all(IDENTIFIER, bare));
        names.removeAll(KEYWORDS);
        names.removeIf(n -> n.matches("\\d.*"));
        return names;
    }

    @Test
    void theExpressionReaderFindsMetricNames() {
        assertEquals(Set.of("a_total", "b_seconds_bucket"), metricNames(
                "sum by (le, uri) (rate(b_seconds_bucket{uri!~\"/q/.*\"}[$__rate_interval])) / max(a_total) * 100"));
    }

    @Test
    void everyQueriedMetricIsPublished() {
        // A route, an upstream call and an unmatched path, so every kind of series exists.
        RestAssured.given().get("/api/v1/projects/demo-project").then().statusCode(200);
        RestAssured.given().get("/api/v1/projects/no-such-project").then().statusCode(404);
        PrometheusText metrics = PrometheusText.scrape();

        List<String> exprs = dashboard().findValuesAsText("expr");
        assertTrue(exprs.size() >= 10, "the dashboard queries something: " + exprs);
        Set<String> queried = new TreeSet<>();
        exprs.forEach(e -> queried.addAll(metricNames(e)));
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(metrics.names());
        assertEquals(Set.of(), missing, "queried by the dashboard, absent from /q/metrics");
        for (String panel : List.of("Request rate", "Latency percentiles", "Upstream errors", "Cache hit ratio", "Circuit state")) {
            assertTrue(dashboard().findValuesAsText("title").stream().anyMatch(t -> t.startsWith(panel)), panel);
        }
    }

    @Test
    void latencyPercentilesHaveBucketsForEveryRoute() {
        RestAssured.given().get("/api/v1/projects/demo-project").then().statusCode(200);
        List<PrometheusText.Sample> buckets = PrometheusText.scrape().named("http_server_requests_seconds_bucket").stream()
                .filter(s -> s.labels().get("uri").equals("/api/v1/projects/{project}")).toList();
        assertFalse(buckets.isEmpty(), "histogram buckets for the dashboard's percentiles");
        Set<String> bounds = new TreeSet<>();
        buckets.forEach(s -> bounds.add(s.labels().get("le")));
        assertTrue(bounds.size() <= 20, "a short, fixed list of buckets per series: " + bounds);
        assertTrue(bounds.contains("+Inf"));
    }
}
