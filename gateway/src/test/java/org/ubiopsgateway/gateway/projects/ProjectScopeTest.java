package org.ubiopsgateway.gateway.projects;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The {@code projects} claim on the project list and on creating projects. */
@QuarkusTest
class ProjectScopeTest {

    private static final String NEW_PROJECT = """
            {"name": "forecasting", "organization": "demo-organization"}""";

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void projectListShowsOnlyTheCallersProjects() {
        TestTokens.as(TestTokens.viewer("demo-project")).get("/api/v1/projects").then().statusCode(200)
                .body("name", contains("demo-project"));
        TestTokens.as(TestTokens.viewer("*")).get("/api/v1/projects").then().statusCode(200)
                .body("name", containsInAnyOrder("demo-project", "sandbox"));
        TestTokens.as(TestTokens.viewer("nothing-here")).get("/api/v1/projects").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void renameMayNotLeaveTheCallersClaim() {
        String scopedAdmin = TestTokens.rsa(TestTokens.claims("ops", List.of("admin"), List.of("demo-project")));
        TestTokens.as(scopedAdmin).contentType("application/json").body("{\"name\": \"elsewhere\"}")
                .patch("/api/v1/projects/demo-project").then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, emulator.journal().count("projects_update"), "refused before UbiOps");
    }

    @Test
    void adminCreatesAProjectOnlyWhenTheClaimCoversItsName() {
        String scopedAdmin = TestTokens.rsa(TestTokens.claims("ops", List.of("admin"), List.of("demo-project")));
        TestTokens.as(scopedAdmin).contentType("application/json").body(NEW_PROJECT).post("/api/v1/projects")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, emulator.journal().count("projects_create"), "refused before UbiOps");

        String namedAdmin = TestTokens.rsa(TestTokens.claims("ops", List.of("admin"), List.of("forecasting")));
        TestTokens.as(namedAdmin).contentType("application/json").body(NEW_PROJECT).post("/api/v1/projects")
                .then().statusCode(201).body("name", equalTo("forecasting"));
    }
}
