package org.ubiopsgateway.gateway.deployments;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes the deployments and versions routes, their schemas and their errors. */
@QuarkusTest
class DeploymentsOpenApiTest {

    static final String DEPLOYMENTS = "/api/v1/projects/{project}/deployments";
    static final Map<String, List<String>> ROUTES = Map.of(
            DEPLOYMENTS, List.of("get", "post"),
            DEPLOYMENTS + "/{deployment}", List.of("get", "patch", "delete"),
            DEPLOYMENTS + "/{deployment}/versions", List.of("get", "post"),
            DEPLOYMENTS + "/{deployment}/versions/{version}", List.of("get", "patch", "delete"));

    JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyRouteHasASummaryASuccessAndProblemErrors() {
        JsonPath doc = document();
        ROUTES.forEach((path, methods) -> methods.forEach(method -> {
            Map<String, Object> operation = doc.getMap("paths.'" + path + "'." + method);
            assertNotNull(operation, method + " " + path);
            assertNotNull(operation.get("summary"), method + " " + path);
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
            String success = method.equals("post") ? "201" : method.equals("delete") ? "204" : "200";
            assertTrue(responses.containsKey(success), method + " " + path + ": " + responses.keySet());
            for (String error : List.of("400", "404", "502", "504")) {
                assertEquals("#/components/schemas/Problem", doc.getString("paths.'" + path + "'." + method
                        + ".responses.'" + error + "'.content.'application/problem+json'.schema.$ref"), method + " " + path);
            }
        }));
    }

    @Test
    void schemasCarryTheEnumerationsAndGroupedSettings() {
        JsonPath doc = document();
        assertEquals(List.of("none", "metadata", "full"), doc.getList("components.schemas.RetentionMode.enum"));
        assertEquals(List.of("default", "moderate"), doc.getList("components.schemas.ScalingStrategy.enum"));
        assertEquals(List.of("structured", "plain"), doc.getList("components.schemas.IoType.enum"));
        assertEquals(List.of("textbox", "button", "image_preview"), doc.getList("components.schemas.OutputWidgetType.enum"));
        assertEquals("#/components/schemas/Scaling", doc.getString("components.schemas.Version.properties.scaling.$ref"));
        assertEquals(10, doc.getInt("components.schemas.Scaling.properties.maximumIdleTime.minimum"));
        assertEquals(List.of("version"), doc.getList("components.schemas.VersionCreate.required"));
        assertNotNull(doc.get("paths.'" + DEPLOYMENTS + "'.post.requestBody.content.'application/json'.examples"));
    }
}
