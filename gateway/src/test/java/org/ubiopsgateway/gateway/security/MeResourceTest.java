package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MeResourceTest {

    @Test
    void theDefaultTestCallerIsAnAdminOfEveryProject() {
        RestAssured.given().get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("test-admin"))
                .body("roles", contains("viewer", "editor", "admin"))
                .body("projects", empty())
                .body("allProjects", equalTo(true));
    }

    @Test
    void aViewerSeesItsProjectsAndName() {
        String token = TestTokens.rsa(TestTokens.claims("alice", List.of("viewer", "unknown-group"), List.of("sandbox", "demo-project"))
                .claim("name", "Alice"));
        TestTokens.as(token).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("alice"))
                .body("name", equalTo("Alice"))
                .body("roles", contains("viewer"))
                .body("projects", contains("demo-project", "sandbox"))
                .body("allProjects", equalTo(false));
    }

    @Test
    void aTokenWithNoKnownRoleMayStillAskWhoItIs() {
        TestTokens.as(TestTokens.rsa(TestTokens.claims("bob", List.of(), List.of())))
                .get("/api/v1/me").then().statusCode(200)
                .body("roles", empty())
                .body("name", nullValue());
    }
}
