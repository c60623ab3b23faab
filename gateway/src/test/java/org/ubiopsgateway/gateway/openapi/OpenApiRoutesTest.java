package org.ubiopsgateway.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The document made at build time, served at /q/openapi as Quarkus's extension served it (YAML unless JSON is asked
 * for), and Swagger UI's page at /q/swagger-ui, both without a token.
 */
@QuarkusTest
class OpenApiRoutesTest {

    @Test
    void theDocumentIsYamlUnlessJsonIsAskedFor() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml;charset=UTF-8").body(startsWith("---\nopenapi: 3.1.0"));
        given().queryParam("format", "JSON").get("/q/openapi").then().statusCode(200)
                .contentType("application/json;charset=UTF-8").body("info.title", containsString("UbiOps Gateway"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType("application/json;charset=UTF-8");
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        given().accept("application/json").queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .contentType("application/yaml;charset=UTF-8");
    }

    @Test
    void headAnswersTheHeadersWithoutTheDocument() {
        given().head("/q/openapi").then().statusCode(200).contentType("application/yaml;charset=UTF-8")
                .body(emptyString());
    }

    @Test
    void theDocumentDeclaresTheBearerSchemeTheApiRequires() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", document.getString("components.securitySchemes.bearer.type"));
        assertEquals("bearer", document.getString("components.securitySchemes.bearer.scheme"));
        assertEquals("JWT", document.getString("components.securitySchemes.bearer.bearerFormat"));
        assertEquals(List.of(Map.of("bearer", List.of())), document.getList("paths.'/api/v1/projects'.get.security"));
    }

    @Test
    void swaggerUiIsItsPageWithTheFilesItLoads() {
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(302)
                .header("Location", "/q/swagger-ui/");
        given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("swagger-ui-bundle.js"));
        for (String file : new String[] {"swagger-ui-bundle.js", "swagger-ui.css", "start.js", "favicon.ico"}) {
            given().get("/q/swagger-ui/" + file).then().statusCode(200);
        }
        given().get("/q/swagger-ui/start.js").then().body(containsString("url: '/q/openapi'"));
    }
}
