package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles and project scope over HTTP: refusals come before any resource, and before any call to UbiOps. */
@QuarkusTest
class AccessFilterTest {

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void everyRouteAndRoleOverHttp() {
        for (Role role : Role.values()) {
            String token = RouteMatrix.token(role);
            for (RouteMatrix.Case c : RouteMatrix.CASES) {
                Response response = TestTokens.as(token).contentType("application/json").request(c.method(), c.path());
                String what = c + " as " + role + " answered " + response.statusCode() + ": " + response.asString();
                if (role.grants(c.least())) {
                    assertTrue(response.statusCode() != 401 && response.statusCode() != 403 && response.statusCode() != 405, what);
                } else {
                    assertEquals(403, response.statusCode(), what);
                    assertEquals("urn:ubiops-gateway:problem:forbidden", response.path("type"), what);
                }
            }
        }
    }

    @Test
    void aRoleLackingIsForbiddenWithProblemJson() {
        TestTokens.as(TestTokens.viewer("demo-project")).contentType("application/json").body("{}")
                .post("/api/v1/projects/demo-project/deployments")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"))
                .body("detail", equalTo("This route needs the editor role"));
        assertEquals(0, emulator.journal().size());
    }

    @Test
    void projectsOutsideTheClaimAreRefusedBeforeUpstream() {
        String viewer = TestTokens.viewer("demo-project");
        for (String path : List.of(
                "/api/v1/projects/sandbox",
                "/api/v1/projects/Demo-Project",
                "/api/v1/projects/demo-project%2F..",
                "/api/v1/projects/demo-project%2F..%2Fsandbox/deployments",
                "/api/v1/projects/demo%252Dproject",
                "/api/v1/projects/demo-project/../sandbox",
                "/api/v1/projects/sandbox/deployments/image-classifier/versions/v1/revisions/r/file")) {
            TestTokens.as(viewer).urlEncodingEnabled(false).get(path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("The token gives no access to this project"));
        }
        assertEquals(0, emulator.journal().size(), "no upstream call for a refused project");
    }

    @Test
    void matrixParametersCannotSlipPastTheGate() {
        // JAX-RS strips ";…" before matching: judged on another path, these would reach resources unchecked.
        for (String path : List.of(
                "/api/v1;x/projects/sandbox/environment-variables",
                "/api;x/v1/projects/sandbox",
                "/api/v1/projects;x/sandbox/deployments",
                "/api/v1/projects/sandbox;x")) {
            TestTokens.anonymous().urlEncodingEnabled(false).get(path)
                    .then().statusCode(400).contentType("application/problem+json");
            TestTokens.as(TestTokens.viewer("demo-project")).urlEncodingEnabled(false).delete(path)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(0, emulator.journal().size(), "nothing reached UbiOps");
    }

    @Test
    void anEncodedNameOfAClaimedProjectIsThatProject() {
        TestTokens.as(TestTokens.viewer("demo-project")).urlEncodingEnabled(false).get("/api/v1/projects/demo%2Dproject")
                .then().statusCode(not(oneOf(401, 403)));
        TestTokens.as(TestTokens.viewer("demo-project")).urlEncodingEnabled(false).get("/api/v1/projects/sandbox/../demo-project")
                .then().statusCode(not(oneOf(401, 403)));
    }

    @Test
    void unknownRoutesAndMethodsNeverReachAResource() {
        RestAssured.given().get("/api/v1/nope").then().statusCode(404).contentType("application/problem+json");
        RestAssured.given().put("/api/v1/projects/demo-project").then().statusCode(405)
                .header("Allow", "DELETE, GET, PATCH").contentType("application/problem+json");
        TestTokens.anonymous().get("/api/v1/nope").then().statusCode(401);
    }

    @Test
    void apiReadsAreRevalidatedOtherAnswersNotStoredAndNoneSniffed() {
        String etag = RestAssured.given().get("/api/v1/me").then().statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue()).extract().header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/api/v1/me").then().statusCode(304)
                .header("Cache-Control", "private, no-cache");
        RestAssured.given().contentType("application/json").body("{}").post("/api/v1/projects").then().statusCode(400)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
        TestTokens.anonymous().get("/api/v1/me").then().statusCode(401)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        TestTokens.anonymous().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }

    @Test
    void openPathsIgnoreTokensAndOtherPathsNeedOne() {
        RestAssured.given().header("Authorization", "Bearer garbage").get("/q/health/live").then().statusCode(200);
        TestTokens.anonymous().get("/q/openapi").then().statusCode(200);
        TestTokens.anonymous().get("/not-the-api").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void corsPreflightForThePortal() {
        TestTokens.anonymous().header("Origin", "https://portal.test.ubiops-gateway")
                .header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/projects/demo-project/deployments/image-classifier")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.test.ubiops-gateway")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("DELETE"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        TestTokens.anonymous().header("Origin", "https://portal.test.ubiops-gateway")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,if-none-match")
                .options("/api/v1/projects/demo-project/overview")
                .then().statusCode(200)
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsStringIgnoringCase("if-none-match"));
        String exposed = RestAssured.given().header("Origin", "https://portal.test.ubiops-gateway").get("/api/v1/me")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "https://portal.test.ubiops-gateway")
                .extract().header("Access-Control-Expose-Headers");
        // every response header the README documents, readable by the portal's scripts
        assertEquals(java.util.Set.of("etag", "x-cache", "age", "x-complete", "location", "retry-after", "www-authenticate"),
                java.util.Arrays.stream(exposed.split(",")).map(h -> h.strip().toLowerCase()).collect(java.util.stream.Collectors.toSet()));
        TestTokens.anonymous().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/me")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
