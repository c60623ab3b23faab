package org.ubiopsgateway.gateway.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.gateway.observability.PrometheusText;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cache hit answered before Quarkus REST ({@link CachedAnswers}) answers exactly as the whole way does, and whatever
 * the whole way would refuse goes the whole way and is refused there. Instance types are cached for ten minutes in
 * the test profile, so every read after the first is such a hit.
 */
@QuarkusTest
class CachedAnswersTest {

    private static final String INSTANCE_TYPES = "/api/v1/projects/demo-project/instance-types";
    private static final Set<String> PER_REQUEST = Set.of("age", "date");

    @Inject
    Journal journal;

    @Test
    void aRepeatedReadGetsTheSameAnswerAsTheFirst() {
        Response first = given().get(INSTANCE_TYPES);
        Response again = given().get(INSTANCE_TYPES);
        Response third = given().get(INSTANCE_TYPES);

        first.then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        for (Response hit : List.of(again, third)) {
            hit.then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT").contentType("application/json")
                    .header("Cache-Control", "private, no-cache").header("ETag", first.header("ETag"));
            assertArrayEquals(first.asByteArray(), hit.asByteArray(), "the JSON as stored, byte for byte");
            assertEquals(headerNames(first), headerNames(hit), "the same headers");
        }
        assertEquals(1, journal.count("instance_types_list"));
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutABody() {
        String etag = given().get(INSTANCE_TYPES).then().statusCode(200).extract().header("ETag");
        given().get(INSTANCE_TYPES).then().statusCode(200);
        given().header("If-None-Match", "\"other\", " + etag).get(INSTANCE_TYPES).then().statusCode(304)
                .header("ETag", etag).header(CacheHeaders.X_CACHE, "HIT").body(emptyString());
        given().header("If-None-Match", "\"other\"").get(INSTANCE_TYPES).then().statusCode(200);
    }

    @Test
    void aCallerWhoseTokenVerifiedBeforeIsStillRefusedAProjectOutsideItsClaim() {
        given().get(INSTANCE_TYPES).then().statusCode(200);
        given().get(INSTANCE_TYPES).then().statusCode(200);
        String sandboxViewer = TestTokens.viewer("sandbox");
        TestTokens.as(sandboxViewer).get("/api/v1/projects/sandbox/instance-types").then().statusCode(200);

        TestTokens.as(sandboxViewer).get(INSTANCE_TYPES).then().statusCode(403)
                .contentType("application/problem+json").header(CacheHeaders.X_CACHE, (String) null)
                .body("detail", equalTo("The token gives no access to this project"));
    }

    @Test
    void aTokenThatDoesNotVerifyOrNoTokenIsRefused() {
        given().get(INSTANCE_TYPES).then().statusCode(200);
        given().get(INSTANCE_TYPES).then().statusCode(200);

        TestTokens.as(TestTokens.untrusted(TestTokens.claims("forger", List.of("admin"), List.of("*"))))
                .get(INSTANCE_TYPES).then().statusCode(401).contentType("application/problem+json");
        TestTokens.anonymous().get(INSTANCE_TYPES).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAcceptWithoutJsonGets406AndOneWithAQualityIsAnsweredTheWholeWay() {
        given().get(INSTANCE_TYPES).then().statusCode(200);
        given().get(INSTANCE_TYPES).then().statusCode(200);

        given().accept("text/plain").get(INSTANCE_TYPES).then().statusCode(406);
        given().accept("text/plain;q=0.5, application/json").get(INSTANCE_TYPES).then().statusCode(200)
                .header(CacheHeaders.X_CACHE, "HIT");
        given().accept("text/html, application/json").get(INSTANCE_TYPES).then().statusCode(200)
                .header(CacheHeaders.X_CACHE, "HIT");
    }

    @Test
    void hitsAreCountedUnderTheirRouteAndAsCacheHits() {
        given().get(INSTANCE_TYPES).then().statusCode(200);
        double served = served();
        double hits = hits();

        for (int i = 0; i < 5; i++) {
            given().get(INSTANCE_TYPES).then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT");
        }
        assertEquals(served + 5, served(), "http_server_requests under the route's template");
        assertEquals(hits + 5, hits(), "gateway_cache_requests, result hit");
    }

    private static double served() {
        return PrometheusText.scrape().named("http_server_requests_seconds_count").stream()
                .filter(s -> s.labels().equals(Map.of("method", "GET", "outcome", "SUCCESS", "status", "200",
                        "uri", "/api/v1/projects/{project}/instance-types")))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static double hits() {
        return PrometheusText.scrape().named("gateway_cache_requests_total").stream()
                .filter(s -> s.labels().equals(Map.of("cache", "instance-types", "result", "hit")))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static Set<String> headerNames(Response response) {
        return response.headers().asList().stream().map(h -> h.getName().toLowerCase())
                .filter(name -> !PER_REQUEST.contains(name)).collect(Collectors.toSet());
    }
}
