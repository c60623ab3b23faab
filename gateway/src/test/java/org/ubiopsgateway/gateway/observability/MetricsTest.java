package org.ubiopsgateway.gateway.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route and upstream metrics carry templates, never names a caller chose: the number of series stays bounded. */
@QuarkusTest
class MetricsTest {

    static final String SERVER = "http_server_requests_seconds_count";
    static final String CLIENT = "http_client_requests_seconds_count";

    @Test
    void routesAndUpstreamCallsAreTimedByTemplateNeverByName() {
        RestAssured.given().get("/api/v1/projects/demo-project").then().statusCode(200);
        RestAssured.given().get("/api/v1/projects/demo-project/deployments/image-classifier").then().statusCode(200);
        RestAssured.given().get("/api/v1/projects/no-such-project").then().statusCode(404);

        PrometheusText metrics = PrometheusText.scrape();
        assertTrue(metrics.series(SERVER).contains(Map.of("method", "GET", "outcome", "SUCCESS", "status", "200",
                "uri", "/api/v1/projects/{project}/deployments/{deployment}")), metrics.series(SERVER).toString());
        assertTrue(metrics.series(SERVER).stream().anyMatch(s -> s.get("uri").equals("/api/v1/projects/{project}")
                && s.get("status").equals("404")), "a 404 from UbiOps on a known route keeps its template");
        assertTrue(metrics.series(CLIENT).stream().anyMatch(s -> s.get("uri").equals("/projects/{project_name}")),
                "upstream calls are timed by UbiOps's path template: " + metrics.series(CLIENT));
        for (String name : List.of("demo-project", "image-classifier", "no-such-project")) {
            metrics.samples().forEach(s -> assertFalse(s.labels().values().stream().anyMatch(v -> v.contains(name)),
                    "a name in a label: " + s));
        }
    }

    @Test
    void madeUpPathsAddNoSeries() {
        List<Consumer<String>> callers = List.of(
                path -> RestAssured.given().get("/api/v1/" + path).then().statusCode(404),
                path -> TestTokens.anonymous().get("/api/v1/" + path).then().statusCode(401),
                path -> TestTokens.anonymous().get("/" + path).then().statusCode(401),
                path -> TestTokens.anonymous().post("/" + path).then().statusCode(401),
                path -> RestAssured.given().delete("/api/v1/me/" + path).then().statusCode(404),
                path -> RestAssured.given().get("/q/" + path).then().statusCode(404));
        callers.forEach(call -> call.accept("warm-up"));
        Set<Map<String, String>> before = PrometheusText.scrape().series(SERVER);

        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            String path = marker + "/" + i;
            callers.forEach(call -> call.accept(path));
        }

        PrometheusText after = PrometheusText.scrape();
        assertEquals(before, after.series(SERVER), "made-up paths must fall into the existing series");
        after.samples().forEach(s -> assertFalse(s.labels().values().stream().anyMatch(v -> v.contains(marker)),
                "a made-up path in a label: " + s));
    }
}
