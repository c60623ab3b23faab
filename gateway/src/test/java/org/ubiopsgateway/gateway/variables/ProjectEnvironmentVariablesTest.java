package org.ubiopsgateway.gateway.variables;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.common.Problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.PROJECT_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.UNKNOWN_ID;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertNoSecretValue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertRejectedAtTheEdge;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertUpstreamProblem;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.create;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.idOf;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.json;

/** {@code /api/v1/projects/{project}/environment-variables}: the project level. */
@QuarkusTest
class ProjectEnvironmentVariablesTest {

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void listsTheSeededVariablesWithTheSecretsValueLeftOut() {
        String body = given().get(PROJECT_VARIABLES).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", containsInAnyOrder("LOG_LEVEL", "DATABASE_PASSWORD"))
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("info"))
                .body("find { it.name == 'LOG_LEVEL' }.secret", equalTo(false))
                .body("find { it.name == 'DATABASE_PASSWORD' }.secret", equalTo(true))
                .body("find { it.name == 'DATABASE_PASSWORD' }.value", nullValue())
                .body("inheritedFrom", org.hamcrest.Matchers.everyItem(nullValue()))
                .extract().asString();
        assertNoSecretValue(body);
    }

    @Test
    void createAnswers201WithLocationAndTheVariableReadsBack() {
        String location = create(PROJECT_VARIABLES, json("FEATURE_FLAGS", "", false))
                .statusCode(201)
                .body("name", equalTo("FEATURE_FLAGS"))
                .body("value", equalTo(""))
                .body("secret", equalTo(false))
                .extract().header("Location");
        String id = given().get(PROJECT_VARIABLES).then().extract().path("find { it.name == 'FEATURE_FLAGS' }.id");
        assertEquals(true, location.endsWith(PROJECT_VARIABLES + "/" + id), location);
        given().get(location).then().statusCode(200)
                .body("id", equalTo(id))
                .body("value", equalTo(""));
    }

    @Test
    void secretDefaultsToFalseWhenLeftOut() {
        create(PROJECT_VARIABLES, "{\"name\":\"REGION\",\"value\":\"eu-west\"}")
                .statusCode(201)
                .body("secret", equalTo(false))
                .body("value", equalTo("eu-west"));
    }

    @Test
    void aCreatedSecretNeverComesBackWithItsValue() {
        String created = create(PROJECT_VARIABLES, json("API_TOKEN", "tok-very-private", true))
                .statusCode(201)
                .body("secret", equalTo(true))
                .body("value", nullValue())
                .extract().asString();
        String id = idOf(PROJECT_VARIABLES, "API_TOKEN");
        String read = given().get(PROJECT_VARIABLES + "/" + id).then().statusCode(200).extract().asString();
        String listed = given().get(PROJECT_VARIABLES).then().statusCode(200).extract().asString();
        for (String body : new String[]{created, read, listed}) {
            assertNoSecretValue(body, "tok-very-private");
        }
    }

    @Test
    void putReplacesNameValueAndSecrecy() {
        String id = idOf(PROJECT_VARIABLES, "LOG_LEVEL");
        given().contentType(ContentType.JSON).body(json("LOGGING_LEVEL", "warning", false))
                .put(PROJECT_VARIABLES + "/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("LOGGING_LEVEL"))
                .body("value", equalTo("warning"));
        given().get(PROJECT_VARIABLES + "/" + id).then().statusCode(200)
                .body("name", equalTo("LOGGING_LEVEL")).body("value", equalTo("warning"));

        String body = given().contentType(ContentType.JSON).body(json("LOGGING_LEVEL", "error", true))
                .put(PROJECT_VARIABLES + "/" + id).then()
                .statusCode(200)
                .body("secret", equalTo(true))
                .body("value", nullValue())
                .extract().asString();
        assertNoSecretValue(body, "error");
    }

    @Test
    void aSecretCannotBeMadeNonSecretAndUpstreamsMessageComesThrough() {
        String id = idOf(PROJECT_VARIABLES, "DATABASE_PASSWORD");
        emulator.journal().clear();
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("DATABASE_PASSWORD", "plain-now", false))
                .put(PROJECT_VARIABLES + "/" + id).then(), 400, "cannot be made non-secret");
        // Left out, secret means false: a whole replacement, so the same refusal.
        assertUpstreamProblem(given().contentType(ContentType.JSON).body("{\"name\":\"DATABASE_PASSWORD\",\"value\":\"x\"}")
                .put(PROJECT_VARIABLES + "/" + id).then(), 400, "cannot be made non-secret");
        assertEquals(2, emulator.journal().count("project_environment_variables_update"));
        given().get(PROJECT_VARIABLES + "/" + id).then().statusCode(200).body("secret", equalTo(true));
    }

    @Test
    void deleteAnswers204AndTheVariableIsGone() {
        String id = idOf(PROJECT_VARIABLES, "LOG_LEVEL");
        given().delete(PROJECT_VARIABLES + "/" + id).then().statusCode(204);
        assertUpstreamProblem(given().get(PROJECT_VARIABLES + "/" + id).then(), 404, "Environment variable was not found");
        given().get(PROJECT_VARIABLES).then().body("name", containsInAnyOrder("DATABASE_PASSWORD"));
    }

    @Test
    void anUnknownIdIs404OnEveryRoute() {
        assertUpstreamProblem(given().get(PROJECT_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("A", "b", false))
                .put(PROJECT_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().delete(PROJECT_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
    }

    @Test
    void anUnknownProjectIs404() {
        assertUpstreamProblem(given().get("/api/v1/projects/no-such-project/environment-variables").then(), 404, "not found");
        assertUpstreamProblem(create("/api/v1/projects/no-such-project/environment-variables", json("A", "b", false)),
                404, "not found");
    }

    @Test
    void aDuplicateNameIsRefusedWithUpstreamsMessage() {
        // UbiOps answers 400 (not 409) for a name taken at the same level; the gateway keeps its status.
        assertUpstreamProblem(create(PROJECT_VARIABLES, json("LOG_LEVEL", "debug", false)), 400, "already exists");
    }

    @Test
    void aBadVariableNameIsRefusedBeforeUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, json("_LOG_LEVEL", "x", false)), "name", emulator);
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, json("LOG-LEVEL", "x", false)), "name", emulator);
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, json("LEVEL2", "x", false)), "name", emulator);
        assertRejectedAtTheEdge(given().contentType(ContentType.JSON).body(json("LEVEL_", "x", false))
                .put(PROJECT_VARIABLES + "/" + UNKNOWN_ID).then(), "name", emulator);
    }

    @Test
    void nameAndValueAreRequired() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, "{\"value\":\"x\"}"), "name", emulator);
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, "{\"name\":\"X\"}"), "value", emulator);
        assertRejectedAtTheEdge(create(PROJECT_VARIABLES, "{\"name\":\"X\",\"value\":null}"), "value", emulator);
    }

    @Test
    void idsMustBeUuids() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(given().get(PROJECT_VARIABLES + "/not-a-uuid").then(), "id", emulator);
        assertRejectedAtTheEdge(given().contentType(ContentType.JSON).body(json("A", "b", false))
                .put(PROJECT_VARIABLES + "/not-a-uuid").then(), "id", emulator);
        assertRejectedAtTheEdge(given().delete(PROJECT_VARIABLES + "/not-a-uuid").then(), "id", emulator);
    }

    @Test
    void aBadProjectNameIsRefusedBeforeUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(given().get("/api/v1/projects/Demo_Project/environment-variables").then(), "project", emulator);
    }

    @Test
    void malformedBodiesAreClear4xx() {
        emulator.journal().clear();
        create(PROJECT_VARIABLES, "{\"name\": \"A\", ").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ubiops-gateway:problem:malformed-body"));
        create(PROJECT_VARIABLES, "{\"name\":\"A\",\"value\":\"b\",\"hidden\":true}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", equalTo("Unknown field 'hidden'"));
        create(PROJECT_VARIABLES, "{\"name\":\"A\",\"value\":\"b\",\"secret\":\"maybe\"}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", equalTo("Field 'secret' must be true or false"));
        given().contentType(ContentType.TEXT).body("NAME=value").post(PROJECT_VARIABLES).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).post(PROJECT_VARIABLES).then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE);
        assertEquals(0, emulator.journal().size());
    }
}
