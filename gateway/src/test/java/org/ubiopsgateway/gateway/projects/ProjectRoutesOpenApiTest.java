package org.ubiopsgateway.gateway.projects;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document lists the project, project user and activity routes, with schemas and their errors. */
@QuarkusTest
class ProjectRoutesOpenApiTest {

    private static final String PROBLEM = "#/components/schemas/Problem";
    /** Route → its methods and success status. */
    private static final Map<String, Map<String, String>> ROUTES = Map.ofEntries(
            Map.entry("/api/v1/projects", Map.of("get", "200", "post", "201")),
            Map.entry("/api/v1/projects/{project}", Map.of("get", "200", "patch", "200", "delete", "204")),
            Map.entry("/api/v1/projects/{project}/usage", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/resources", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/quotas", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/instance-types", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/audit", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/deployments/{deployment}/audit", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/requests", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/logs", Map.of("get", "200")),
            Map.entry("/api/v1/projects/{project}/users", Map.of("get", "200", "post", "201")),
            Map.entry("/api/v1/projects/{project}/users/{id}", Map.of("get", "200", "delete", "204")));

    @Test
    void everyRouteHasASummaryItsSuccessAndProblemResponses() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        ROUTES.forEach((path, methods) -> methods.forEach((method, success) -> {
            Map<String, Object> operation = paths.get(path) == null ? null : paths.get(path).get(method);
            assertNotNull(operation, method + " " + path);
            assertNotNull(operation.get("summary"), method + " " + path);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertTrue(responses.containsKey(success), method + " " + path + " answers " + success);
            assertTrue(responses.containsKey("400"), method + " " + path + " documents 400");
            assertEquals(PROBLEM, doc.getString("paths['" + path + "']." + method
                    + ".responses['400'].content['application/problem+json'].schema.$ref"), method + " " + path);
        }));
    }

    @Test
    void enumerationsArePublishedWithTheirLowercaseValues() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().extract().jsonPath();
        assertEquals(List.of("pending", "processing", "failed", "completed", "cancelled", "cancelled_pending"),
                doc.getList("components.schemas.RequestStatus.enum"));
        assertEquals(List.of("create", "update", "delete", "info"), doc.getList("components.schemas.AuditAction.enum"));
        assertEquals(List.of("info", "error"), doc.getList("components.schemas.LogLevel.enum"));
    }
}
