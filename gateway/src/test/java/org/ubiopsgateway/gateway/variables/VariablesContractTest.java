package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.gateway.observability.PrometheusText;
import org.ubiopsgateway.gateway.security.TestBearerToken;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.client.GatewayProblemException;
import org.ubiopsgateway.client.EnvironmentVariablesClient;
import org.ubiopsgateway.contract.VariablesApi;
import org.ubiopsgateway.contract.VersionVariablesApi;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EffectiveVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;
import org.ubiopsgateway.model.variables.VariableLevel;
import org.ubiopsgateway.model.variables.VariableSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.UNKNOWN_ID;

/** The variable contracts as others see them: the OpenAPI document, and the api-client interfaces over HTTP. */
@QuarkusTest
class VariablesContractTest {

    private static final String PROJECT = "/api/v1/projects/{project}/environment-variables";
    private static final String DEPLOYMENT = "/api/v1/projects/{project}/deployments/{deployment}/environment-variables";
    private static final String VERSION = "/api/v1/projects/{project}/deployments/{deployment}/versions/{version}/environment-variables";
    private static final Map<String, List<String>> ROUTES = Map.of(
            PROJECT, List.of("get", "post"),
            PROJECT + "/{id}", List.of("get", "put", "delete"),
            DEPLOYMENT, List.of("get", "post"),
            DEPLOYMENT + "/copy", List.of("post"),
            DEPLOYMENT + "/{id}", List.of("get", "put", "delete"),
            VERSION, List.of("get", "post"),
            VERSION + "/copy", List.of("post"),
            VERSION + "/effective", List.of("get"),
            VERSION + "/{id}", List.of("get", "put", "delete"));

    @TestHTTPResource("/")
    URI gateway;

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    @Test
    void theOpenApiDocumentDescribesEveryVariableRouteWithItsErrors() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        ROUTES.forEach((path, methods) -> methods.forEach(method -> {
            String operation = "paths['" + path + "']." + method;
            String where = method.toUpperCase() + " " + path;
            assertNotNull(openApi.getString(operation + ".summary"), where + " has a summary");
            for (String status : List.of("400", "404", "502")) {
                assertEquals("#/components/schemas/Problem",
                        openApi.getString(operation + ".responses['" + status + "'].content['application/problem+json'].schema['$ref']"),
                        where + " documents " + status);
            }
            String success = method.equals("delete") ? "204" : method.equals("post") && !path.endsWith("/copy") ? "201" : "200";
            assertNotNull(openApi.get(operation + ".responses['" + success + "']"), where + " documents " + success);
        }));
        assertNotNull(openApi.get("paths['" + VERSION + "'].post.responses['201'].headers.Location"));
        assertNotNull(openApi.get("paths['" + DEPLOYMENT + "/copy'].post.requestBody.content['application/json'].examples"));
        assertEquals(List.of("project", "deployment", "version"), openApi.getList("components.schemas.VariableLevel.enum"));
    }

    @Test
    void theClientInterfacesWalkTheRoutesAndSurfaceProblemsAsTypedExceptions() {
        EnvironmentVariablesClient variables = QuarkusRestClientBuilder.newBuilder().baseUri(gateway).register(TestBearerToken.class)
                .build(EnvironmentVariablesClient.class);
        VariablesApi project = variables.project("demo-project");
        VersionVariablesApi version = variables.version("demo-project", "churn-model", "v1");

        EnvironmentVariable created = await(project.create(
                new EnvironmentVariableRequest("TIMEZONE", "UTC", null)));
        assertFalse(created.secret());
        List<EnvironmentVariable> copied = await(version.copy(
                new CopyVariablesRequest("image-classifier", "v2")));
        assertEquals(List.of("BATCH_SIZE", "LOG_LEVEL"), copied.stream().map(EnvironmentVariable::name).sorted().toList());

        List<EffectiveVariable> effective = await(version.effective());
        EffectiveVariable timezone = effective.stream().filter(v -> v.name().equals("TIMEZONE")).findFirst().orElseThrow();
        assertEquals(new VariableSource(VariableLevel.PROJECT, "demo-project"), timezone.source());
        assertEquals(created.id(), timezone.id());
        EffectiveVariable logLevel = effective.stream().filter(v -> v.name().equals("LOG_LEVEL")).findFirst().orElseThrow();
        assertEquals(List.of(new VariableSource(VariableLevel.PROJECT, "demo-project")), logLevel.shadows());
        assertNull(effective.stream().filter(v -> v.name().equals("DATABASE_PASSWORD")).findFirst().orElseThrow().value());

        CompletionException missing = assertThrows(CompletionException.class,
                () -> await(version.get(UNKNOWN_ID)));
        GatewayProblemException problem = assertInstanceOf(GatewayProblemException.class, missing.getCause());
        assertEquals(404, problem.status());
        assertTrue(problem.problem().detail().contains("Environment variable was not found"), problem.getMessage());

        await(project.delete(created.id()));
        assertTrue(await(project.list()).stream().noneMatch(v -> v.name().equals("TIMEZONE")));

        // The client's metrics name each call by its route, not its URL (VariablesPathTemplate).
        Set<String> timed = PrometheusText.scrape().series("http_client_requests_seconds_count").stream()
                .map(series -> series.get("uri")).filter(uri -> uri.startsWith("/api/v1/"))
                .collect(Collectors.toSet());
        assertTrue(timed.containsAll(List.of(VERSION + "/effective", VERSION + "/copy", VERSION + "/{id}", PROJECT,
                PROJECT + "/{id}")), timed.toString());
        assertTrue(timed.stream().noneMatch(uri -> uri.contains("demo-project")), timed.toString());
    }
}
