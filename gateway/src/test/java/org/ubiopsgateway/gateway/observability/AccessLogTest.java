package org.ubiopsgateway.gateway.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One access log line per request, with method, path and status, and never a token, header or query value. */
@QuarkusTest
class AccessLogTest {

    static final String CATEGORY = "io.quarkus.http.access-log";

    private final LogCapture log = new LogCapture(CATEGORY);

    @BeforeEach
    void capture() {
        log.start();
    }

    @AfterEach
    void release() {
        log.stop();
    }

    @Test
    void accessLogHasNoTokenHeaderOrQueryValue() {
        String token = TestTokens.admin();
        RestAssured.given().header("X-Api-Key", "header-secret-4b1d").cookie("session", "cookie-secret-77e0")
                .queryParam("limit", "7").queryParam("token", "query-secret-c9a2")
                .get("/api/v1/projects/demo-project/requests");

        String line = log.awaitLine(l -> l.contains("/api/v1/projects/demo-project/requests"));
        assertTrue(line.matches(".*\"GET /api/v1/projects/demo-project/requests HTTP/1\\.1\" \\d{3} .*"), line);
        for (String secret : List.of(token, "Bearer", "header-secret-4b1d", "cookie-secret-77e0", "query-secret-c9a2",
                "limit=7", "?")) {
            assertFalse(line.contains(secret), "the access log shows " + secret + ": " + line);
        }
    }

    @Test
    void aRefusedTokenIsNotLoggedEither() {
        String forged = TestTokens.admin() + "x";
        TestTokens.as(forged).get("/api/v1/me").then().statusCode(401);
        String line = log.awaitLine(l -> l.contains("/api/v1/me"));
        assertTrue(line.contains("\"GET /api/v1/me HTTP/1.1\" 401"), line);
        assertFalse(line.contains(forged.substring(0, 40)), line);
    }
}
