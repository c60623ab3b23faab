package org.ubiopsgateway.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published OpenAPI document lists every route of the public surface, each documented. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String P = "/api/v1/projects/{project}";
    private static final String D = P + "/deployments/{deployment}";
    private static final String V = D + "/versions/{version}";

    /** DESIGN.md's route table: every seeded upstream operation has a route (51), plus the gateway's own. */
    static final List<String> ROUTES = List.of(
            "GET /api/v1/projects", "POST /api/v1/projects",
            "GET " + P, "PATCH " + P, "DELETE " + P,
            "GET " + P + "/usage", "GET " + P + "/resources", "GET " + P + "/quotas", "GET " + P + "/instance-types",
            "GET " + P + "/audit", "GET " + P + "/requests", "GET " + P + "/logs",
            "GET " + P + "/users", "POST " + P + "/users", "GET " + P + "/users/{id}", "DELETE " + P + "/users/{id}",
            "GET " + P + "/environment-variables", "POST " + P + "/environment-variables",
            "GET " + P + "/environment-variables/{id}", "PUT " + P + "/environment-variables/{id}",
            "DELETE " + P + "/environment-variables/{id}",
            "GET " + P + "/deployments", "POST " + P + "/deployments",
            "GET " + D, "PATCH " + D, "DELETE " + D, "GET " + D + "/audit",
            "GET " + D + "/environment-variables", "POST " + D + "/environment-variables",
            "POST " + D + "/environment-variables/copy",
            "GET " + D + "/environment-variables/{id}", "PUT " + D + "/environment-variables/{id}",
            "DELETE " + D + "/environment-variables/{id}",
            "GET " + D + "/versions", "POST " + D + "/versions", "GET " + V, "PATCH " + V, "DELETE " + V,
            "GET " + V + "/environment-variables", "POST " + V + "/environment-variables",
            "POST " + V + "/environment-variables/copy", "GET " + V + "/environment-variables/effective",
            "GET " + V + "/environment-variables/{id}", "PUT " + V + "/environment-variables/{id}",
            "DELETE " + V + "/environment-variables/{id}",
            "GET " + V + "/revisions", "POST " + V + "/revisions", "GET " + V + "/revisions/{revision}",
            "GET " + V + "/revisions/{revision}/file", "POST " + V + "/revisions/{revision}/rebuild",
            "GET " + V + "/builds/{build}",
            "GET /api/v1/templates");

    private static JsonPath document;

    /** Fetched on first use: REST Assured knows the test port only once a test runs. */
    private static JsonPath document() {
        if (document == null) {
            document = given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().jsonPath();
        }
        return document;
    }

    @Test
    void everyRouteOfTheSurfaceIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (String route : ROUTES) {
            if (operation(route) == null) {
                missing.add(route);
            }
        }
        assertEquals(List.of(), missing, "routes missing from /q/openapi");
    }

    @Test
    void everyOperationHasASummaryAndDocumentsItsErrors() {
        List<String> undocumented = new ArrayList<>();
        for (String route : ROUTES) {
            Map<String, Object> operation = operation(route);
            if (operation == null) {
                continue; // reported by everyRouteOfTheSurfaceIsDocumented
            }
            Object summary = operation.get("summary");
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            boolean documentsAnError = responses.keySet().stream().anyMatch(status -> status.startsWith("4"));
            if (summary == null || summary.toString().isBlank() || !documentsAnError) {
                undocumented.add(route);
            }
        }
        assertEquals(List.of(), undocumented, "operations without a summary or without an error response");
    }

    @Test
    void everyOperationRequiresTheBearerScheme() {
        assertEquals(Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"),
                Map.of("type", document().getString("components.securitySchemes.bearer.type"),
                        "scheme", document().getString("components.securitySchemes.bearer.scheme"),
                        "bearerFormat", document().getString("components.securitySchemes.bearer.bearerFormat")));
        List<String> open = new ArrayList<>();
        for (String route : ROUTES) {
            Map<String, Object> operation = operation(route);
            if (operation != null && !List.of(Map.of("bearer", List.of())).equals(operation.get("security"))) {
                open.add(route);
            }
        }
        assertEquals(List.of(), open, "operations Swagger UI would call without the token");
    }

    @Test
    void everyOperationDocumentsTheGatesRefusalsAsProblems() {
        List<String> undocumented = new ArrayList<>();
        for (String route : ROUTES) {
            Map<String, Object> operation = operation(route);
            Map<?, ?> responses = operation == null ? Map.of() : (Map<?, ?>) operation.get("responses");
            for (String status : List.of("401", "403")) {
                Object content = responses.get(status) instanceof Map<?, ?> response ? response.get("content") : null;
                if (!(content instanceof Map<?, ?> types) || !types.containsKey("application/problem+json")) {
                    undocumented.add(status + " " + route);
                }
            }
        }
        assertEquals(List.of(), undocumented, "refusals Swagger UI would call undocumented");
    }

    @Test
    void problemSchemaIsPublished() {
        Map<String, Object> schemas = document().getMap("components.schemas");
        assertTrue(schemas.containsKey("Problem"), "components.schemas has Problem: " + schemas.keySet());
        assertFalse(document().getMap("components.schemas.Problem.properties").isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> operation(String route) {
        String[] parts = route.split(" ", 2);
        Map<String, Object> paths = document().getMap("paths");
        Object path = paths.get(parts[1]);
        if (!(path instanceof Map<?, ?> methods)) {
            return null;
        }
        return (Map<String, Object>) methods.get(parts[0].toLowerCase());
    }
}
