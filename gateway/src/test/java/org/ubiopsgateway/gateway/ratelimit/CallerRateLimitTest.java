package org.ubiopsgateway.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The caller rate limit with a small allowance: 5 requests at once, then one every 10 seconds. Each test calls as a
 * subject of its own, so they share nothing but the application (one extra start for the suite).
 */
@QuarkusTest
@TestProfile(CallerRateLimitTest.SmallAllowance.class)
class CallerRateLimitTest {

    static final int BURST = 5;

    public static class SmallAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.caller.requests-per-second", "0.1",
                    "gateway.rate-limit.caller.burst", Integer.toString(BURST));
        }
    }

    @Inject
    UbiOpsEmulator emulator;

    private static String tokenOf(String subject) {
        return TestTokens.rsa(TestTokens.claims(subject, List.of("viewer"), List.of("demo-project")));
    }

    /** Spends a caller's whole burst on a route that does not call UbiOps. */
    private static void spend(String token) {
        for (int i = 0; i < BURST; i++) {
            TestTokens.as(token).get("/api/v1/me").then().statusCode(200);
        }
    }

    @Test
    void aCallerOverItsRateGets429WithRetryAfterAndNothingReachesUpstream() {
        String token = tokenOf("rate-over");
        spend(token);
        Response refused = TestTokens.as(token).get("/api/v1/projects/demo-project/deployments");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:ubiops-gateway:problem:rate-limited"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "one token every 10 s: Retry-After " + retryAfter);
        assertEquals(0, emulator.journal().size(), "a refused request never reaches UbiOps");
    }

    /** Cache hits are answered ahead of Quarkus REST (cache.CachedAnswers): they spend the allowance all the same. */
    @Test
    void cachedReadsSpendTheAllowanceAndACallerOverItGets429() {
        String token = tokenOf("rate-cached");
        for (int i = 0; i < BURST; i++) {
            TestTokens.as(token).get("/api/v1/projects/demo-project/instance-types").then().statusCode(200);
        }
        TestTokens.as(token).get("/api/v1/projects/demo-project/instance-types").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void eachCallerHasItsOwnAllowance() {
        spend(tokenOf("rate-greedy"));
        TestTokens.as(tokenOf("rate-greedy")).get("/api/v1/me").then().statusCode(429);
        TestTokens.as(tokenOf("rate-modest")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void requestsTheGateRefusesSpendNothing() {
        String outsider = tokenOf("rate-outsider");
        for (int i = 0; i < 2 * BURST; i++) {
            TestTokens.as(outsider).get("/api/v1/projects/sandbox").then().statusCode(403);
        }
        TestTokens.as(outsider).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anonymousRequestsAndOpenPathsAreNotLimited() {
        String token = tokenOf("rate-open");
        spend(token);
        TestTokens.as(token).get("/api/v1/me").then().statusCode(429);
        TestTokens.anonymous().get("/api/v1/me").then().statusCode(401);
        for (int i = 0; i < 2 * BURST; i++) {
            TestTokens.as(token).get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void refusalsAreCountedForPrometheus() {
        double before = refusals();
        String token = tokenOf("rate-counted");
        spend(token);
        TestTokens.as(token).get("/api/v1/me").then().statusCode(429);
        TestTokens.as(token).get("/api/v1/me").then().statusCode(429);
        assertEquals(before + 2, refusals());
    }

    private static double refusals() {
        String metrics = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^gateway_rate_limited_total\\{[^}]*scope=\"caller\"[^}]*} ([0-9.Ee+-]+)$").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
