package org.ubiopsgateway.gateway.hostile;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules the fuzz test holds every route to, one by one: what callers get for values of the wrong JSON type,
 * ambiguous JSON, unknown or repeated query parameters, empty path segments, broken forms; and what the HTTP server
 * answers itself, before any gateway code (the documented exceptions to problem+json).
 */
@QuarkusTest
class HostileInputTest {

    private static final String VARIABLES = "/api/v1/projects/demo-project/environment-variables";
    private static final String VERSIONS = "/api/v1/projects/demo-project/deployments/churn-model/versions";
    private static final String REVISIONS = VERSIONS + "/v1/revisions";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    UbiOpsEmulator emulator;

    @TestHTTPResource("/")
    URI root;

    @AfterEach
    void nothingReachedUpstream() {
        assertEquals(List.of(), emulator.journal().entries(), "refused input must never reach UbiOps");
    }

    private static ValidatableResponse post(String path, String json) {
        return RestAssured.given().contentType("application/json").body(json).post(path).then();
    }

    private static void refused(ValidatableResponse response, String detail) {
        response.statusCode(400).contentType(PROBLEM).body("detail", equalTo(detail));
    }

    @Test
    void valuesAreNeverCoercedFromAnotherJsonType() {
        refused(post(VARIABLES, "{\"name\": \"A\", \"value\": 123}"), "Field 'value' must be a string");
        refused(post(VARIABLES, "{\"name\": \"A\", \"value\": \"x\", \"secret\": \"true\"}"), "Field 'secret' must be true or false");
        refused(post(VARIABLES, "{\"name\": \"A\", \"value\": \"x\", \"secret\": 1}"), "Field 'secret' must be true or false");
        refused(post(VERSIONS, "{\"version\": \"v9\", \"scaling\": {\"minimumInstances\": 1.7}}"),
                "Field 'scaling.minimumInstances' must be a whole number");
        refused(post(VERSIONS, "{\"version\": \"v9\", \"scaling\": {\"minimumInstances\": \"2\"}}"),
                "Field 'scaling.minimumInstances' must be a whole number");
        refused(post(VERSIONS, "{\"version\": \"v9\", \"scaling\": []}"), "Field 'scaling' must be an object");
        refused(post("/api/v1/projects/demo-project/deployments", "{\"name\": \"d\", \"inputType\": 0, \"outputType\": \"plain\"}"),
                "Field 'inputType' has an invalid value '0'; allowed: structured, plain");
    }

    @Test
    void ambiguousJsonIsRefused() {
        post(VARIABLES, "{\"name\": \"A\", \"value\": \"x\", \"name\": \"B\"}").statusCode(400).contentType(PROBLEM);
        post(VARIABLES, "{\"name\": \"A\", \"value\": \"x\"} {\"name\": \"B\"}").statusCode(400).contentType(PROBLEM);
        refused(post(VERSIONS, "{\"version\": \"v9\", \"scaling\": {\"minimumInstances\": 99999999999}}"),
                "Field 'scaling.minimumInstances' is out of range");
        refused(post("/api/v1/projects", "{\"name\": \"p\", \"organization\": \"demo-organization\", \"creditLimit\": 1e999}"),
                "Field 'creditLimit' is out of range");
    }

    @Test
    void queryParametersTheRouteDoesNotTakeOrThatComeTwiceAreRefused() {
        RestAssured.given().get("/api/v1/projects/demo-project/audit?limt=5").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("limt"))
                .body("violations[0].message", equalTo("is not a parameter of this route; it takes action, limit, offset"));
        RestAssured.given().get("/api/v1/projects/demo-project/audit?limit=1&limit=2").then().statusCode(400)
                .body("violations[0].message", equalTo("is given more than once"));
        RestAssured.given().get("/api/v1/projects/demo-project/quotas?page=2").then().statusCode(400)
                .body("violations[0].message", equalTo("is not a parameter of this route, which takes none"));
    }

    @Test
    void labelFiltersWithControlCharactersAreRefused() {
        RestAssured.given().urlEncodingEnabled(false).get("/api/v1/projects/demo-project/deployments?labels=team:a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("labels"));
    }

    @Test
    void emptyPathSegmentsAreRefusedRatherThanFolded() throws IOException {
        // Folded, "//deployments" would read "deployments" as the project's name. (Sent raw: HTTP clients fold it.)
        RawHttp.Answer answer = raw("GET /api/v1/projects//deployments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + TestTokens.admin() + "\r\nConnection: close\r\n\r\n");
        assertEquals(400, answer.status());
        assertEquals(PROBLEM, answer.header("Content-Type"));
        assertTrue(answer.text().contains("Empty path segments ('//') are not supported"), answer.text());
    }

    @Test
    void brokenFormsAndMultipartBodiesAre400() throws IOException {
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("templateId=%zz").post(REVISIONS)
                .then().statusCode(400).contentType(PROBLEM);
        RestAssured.given().contentType("application/x-www-form-urlencoded").body("%zz=1").post(REVISIONS)
                .then().statusCode(400).contentType(PROBLEM);
        RawHttp.Answer multipart = new RawHttp(root.getHost(), root.getPort()).send(new RawHttp.Request("POST", REVISIONS,
                List.of(new String[] {"Authorization", "Bearer " + TestTokens.admin()},
                        new String[] {"Content-Type", "multipart/form-data; boundary=b"}),
                "no boundary here".getBytes(StandardCharsets.US_ASCII), false));
        assertEquals(400, multipart.status());
        assertEquals(PROBLEM, multipart.header("Content-Type"));
        assertTrue(multipart.text().contains("The form or multipart body is malformed or incomplete"), multipart.text());
    }

    @Test
    void requestsTheRouterRefusesAreProblemJson() throws IOException {
        RawHttp.Answer noHost = raw("GET /api/v1/me HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertEquals(400, noHost.status());
        assertEquals(PROBLEM, noHost.header("Content-Type"));
        RawHttp.Answer relative = raw("GET api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(404, relative.status());
        assertEquals(PROBLEM, relative.header("Content-Type"));
    }

    /**
     * Refused before any gateway code, so without a problem document: a request line or headers over the limits
     * (by the HTTP server) and a URI that does not parse (by Quarkus's first handler).
     */
    @Test
    void whatTheHttpServerRefusesItselfStaysPlain() throws IOException {
        String bearer = "Authorization: Bearer " + TestTokens.admin() + "\r\n";
        assertPlain(414, raw("GET /api/v1/projects?organization=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n" + bearer + "\r\n"));
        assertPlain(431, raw("GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + bearer + "X-Big: " + "a".repeat(25_000) + "\r\n\r\n"));
        assertPlain(400, raw("GET /api/v1/projects/%zz HTTP/1.1\r\nHost: x\r\n" + bearer + "Connection: close\r\n\r\n"));
        assertPlain(400, raw("GET /api/v1/projects?organization=%zz HTTP/1.1\r\nHost: x\r\n" + bearer + "Connection: close\r\n\r\n"));
    }

    private static void assertPlain(int status, RawHttp.Answer answer) {
        assertEquals(status, answer.status());
        assertEquals(0, answer.body().length, "no body");
    }

    private RawHttp.Answer raw(String request) throws IOException {
        return RawHttp.exchange(root.getHost(), root.getPort(), request);
    }
}
