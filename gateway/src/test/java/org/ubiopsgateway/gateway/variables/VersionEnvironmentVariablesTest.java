package org.ubiopsgateway.gateway.variables;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.common.Problem;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CHURN_V1_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CHURN_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_V1_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_V2_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.PROJECT_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.UNKNOWN_ID;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertNoSecretValue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertRejectedAtTheEdge;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertUpstreamProblem;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.create;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.idOf;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.json;

/** {@code …/deployments/{deployment}/versions/{version}/environment-variables}: the version level and its copy. */
@QuarkusTest
class VersionEnvironmentVariablesTest {

    @Inject
    UbiOpsEmulator emulator;

    private static ValidatableResponse copy(String variablesPath, String json) {
        return given().contentType(ContentType.JSON).body(json).post(variablesPath + "/copy").then();
    }

    @Test
    void listsOwnVariablesThenTheInheritedOnesNotShadowed() {
        String body = given().get(CLASSIFIER_V2_VARIABLES).then()
                .statusCode(200)
                .body("name", containsInAnyOrder("LOG_LEVEL", "BATCH_SIZE", "MODEL_BUCKET", "MODEL_API_KEY",
                        "DATABASE_PASSWORD"))
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom", nullValue())
                .body("find { it.name == 'MODEL_BUCKET' }.inheritedFrom.level", equalTo("deployment"))
                .body("find { it.name == 'MODEL_BUCKET' }.inheritedFrom.name", equalTo("image-classifier"))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .body("find { it.name == 'DATABASE_PASSWORD' }.inheritedFrom.level", equalTo("project"))
                .body("find { it.name == 'DATABASE_PASSWORD' }.value", nullValue())
                .extract().asString();
        assertNoSecretValue(body);
    }

    @Test
    void createGetPutAndDeleteAVersionVariable() {
        String location = create(CHURN_V1_VARIABLES, json("WORKERS", "4", false))
                .statusCode(201)
                .body("name", equalTo("WORKERS"))
                .extract().header("Location");
        String id = idOf(CHURN_V1_VARIABLES, "WORKERS");
        assertEquals(true, location.endsWith(CHURN_V1_VARIABLES + "/" + id), location);
        given().get(location).then().statusCode(200).body("value", equalTo("4")).body("inheritedFrom", nullValue());

        given().contentType(ContentType.JSON).body(json("WORKERS", "8", true)).put(location).then()
                .statusCode(200).body("secret", equalTo(true)).body("value", nullValue());
        given().get(CHURN_V1_VARIABLES).then()
                .body("find { it.name == 'WORKERS' }.secret", equalTo(true))
                .body("find { it.name == 'WORKERS' }.value", nullValue());
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("WORKERS", "8", false)).put(location).then(),
                400, "cannot be made non-secret");

        given().delete(location).then().statusCode(204);
        assertUpstreamProblem(given().get(location).then(), 404, "Environment variable was not found");
        given().get(CHURN_V1_VARIABLES).then().body("findAll { it.name == 'WORKERS' }", hasSize(0));
    }

    @Test
    void copyFromAnotherVersionOverwritesTheInheritedValueHere() {
        copy(CLASSIFIER_V1_VARIABLES, "{\"sourceDeployment\":\"image-classifier\",\"sourceVersion\":\"v2\"}")
                .statusCode(200)
                .body("name", containsInAnyOrder("LOG_LEVEL", "BATCH_SIZE"))
                .body("inheritedFrom", org.hamcrest.Matchers.everyItem(nullValue()));
        given().get(CLASSIFIER_V1_VARIABLES).then()
                .body("findAll { it.name == 'LOG_LEVEL' }", hasSize(1))
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom", nullValue());
    }

    @Test
    void copyFromADeploymentKeepsSecretsSecret() {
        String body = copy(CHURN_V1_VARIABLES, "{\"sourceDeployment\":\"image-classifier\"}")
                .statusCode(200)
                .body("name", containsInAnyOrder("MODEL_BUCKET", "MODEL_API_KEY"))
                .body("find { it.name == 'MODEL_API_KEY' }.secret", equalTo(true))
                .extract().asString();
        String listed = given().get(CHURN_V1_VARIABLES).then().statusCode(200)
                .body("findAll { it.inheritedFrom == null }.name",
                        containsInAnyOrder("THRESHOLD", "MODEL_BUCKET", "MODEL_API_KEY"))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .extract().asString();
        assertNoSecretValue(body);
        assertNoSecretValue(listed);
    }

    @Test
    void copyNeedsASourceDeployment() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(copy(CHURN_V1_VARIABLES, "{\"sourceVersion\":\"v1\"}"), "sourceDeployment", emulator);
    }

    /** Each level is a sub-resource, which Quarkus checks against Accept only as it writes: rest.AcceptCheck does it first. */
    @Test
    void anAnswerTheCallerCannotAcceptIsRefusedBeforeUpstream() {
        emulator.journal().clear();
        for (String path : List.of(PROJECT_VARIABLES, CHURN_VARIABLES, CHURN_V1_VARIABLES + "/effective",
                CHURN_V1_VARIABLES + "/" + UNKNOWN_ID)) {
            given().accept("text/csv").get(path).then().statusCode(406).contentType(Problem.MEDIA_TYPE);
        }
        assertEquals(List.of(), emulator.journal().entries(), "nothing may reach upstream");
        given().accept("application/*").get(CHURN_V1_VARIABLES + "/effective").then().statusCode(200);
    }

    @Test
    void anInheritedVariableIsNotAddressableAtTheVersionLevel() {
        String deploymentId = idOf(CLASSIFIER_V2_VARIABLES, "MODEL_BUCKET");
        assertUpstreamProblem(given().get(CLASSIFIER_V2_VARIABLES + "/" + deploymentId).then(), 404,
                "Environment variable was not found");
    }

    @Test
    void anUnknownVersionOrIdIs404() {
        String unknown = "/api/v1/projects/demo-project/deployments/image-classifier/versions/v9/environment-variables";
        assertUpstreamProblem(given().get(unknown).then(), 404, "Version was not found");
        assertUpstreamProblem(create(unknown, json("A", "b", false)), 404, "Version was not found");
        assertUpstreamProblem(copy(unknown, "{\"sourceDeployment\":\"image-classifier\"}"), 404, "Version was not found");
        assertUpstreamProblem(given().get(CHURN_V1_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("A", "b", false))
                .put(CHURN_V1_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().delete(CHURN_V1_VARIABLES + "/" + UNKNOWN_ID).then(), 404, "Environment variable was not found");
    }

    @Test
    void badNamesAndIdsAreRefusedBeforeUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(create(CHURN_V1_VARIABLES, json("WITH SPACE", "x", false)), "name", emulator);
        assertRejectedAtTheEdge(given().contentType(ContentType.JSON).body(json("", "x", false))
                .put(CHURN_V1_VARIABLES + "/" + UNKNOWN_ID).then(), "name", emulator);
        assertRejectedAtTheEdge(given().get(CHURN_V1_VARIABLES + "/" + UNKNOWN_ID + "0").then(), "id", emulator);
        assertRejectedAtTheEdge(given().get("/api/v1/projects/demo-project/deployments/churn-model/versions/V1/environment-variables")
                .then(), "version", emulator);
    }
}
