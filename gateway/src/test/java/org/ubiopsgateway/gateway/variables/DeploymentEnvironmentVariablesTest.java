package org.ubiopsgateway.gateway.variables;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.common.Problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CHURN_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.PROJECT_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.SUMMARIZER_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.UNKNOWN_ID;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertNoSecretValue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertRejectedAtTheEdge;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertUpstreamProblem;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.create;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.idOf;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.json;

/** {@code /api/v1/projects/{project}/deployments/{deployment}/environment-variables}: the deployment level and its copy. */
@QuarkusTest
class DeploymentEnvironmentVariablesTest {

    @Inject
    UbiOpsEmulator emulator;

    private static ValidatableResponse copy(String variablesPath, String json) {
        return given().contentType(ContentType.JSON).body(json).post(variablesPath + "/copy").then();
    }

    @Test
    void listsOwnVariablesAndTheInheritedProjectOnesWithTheirOrigin() {
        String body = given().get(CLASSIFIER_VARIABLES).then()
                .statusCode(200)
                .body("name", containsInAnyOrder("MODEL_BUCKET", "MODEL_API_KEY", "LOG_LEVEL", "DATABASE_PASSWORD"))
                .body("find { it.name == 'MODEL_BUCKET' }.inheritedFrom", nullValue())
                .body("find { it.name == 'MODEL_BUCKET' }.value", equalTo("s3://models/image-classifier"))
                .body("find { it.name == 'MODEL_API_KEY' }.secret", equalTo(true))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom.level", equalTo("project"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom.name", equalTo("demo-project"))
                .body("find { it.name == 'DATABASE_PASSWORD' }.inheritedFrom.level", equalTo("project"))
                .body("find { it.name == 'DATABASE_PASSWORD' }.value", nullValue())
                .extract().asString();
        assertNoSecretValue(body);
    }

    @Test
    void createAnswers201WithLocationAndShadowsTheProjectVariable() {
        String location = create(CHURN_VARIABLES, json("LOG_LEVEL", "warning", false))
                .statusCode(201)
                .body("inheritedFrom", nullValue())
                .extract().header("Location");
        String id = idOf(CHURN_VARIABLES, "LOG_LEVEL");
        assertEquals(true, location.endsWith(CHURN_VARIABLES + "/" + id), location);
        given().get(location).then().statusCode(200).body("value", equalTo("warning"));
        // Shadowed: listed once, as the deployment's own.
        given().get(CHURN_VARIABLES).then().statusCode(200)
                .body("findAll { it.name == 'LOG_LEVEL' }", hasSize(1))
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("warning"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom", nullValue());
    }

    @Test
    void putReplacesAndTheChangeIsListed() {
        String id = idOf(SUMMARIZER_VARIABLES, "MAX_TOKENS");
        given().contentType(ContentType.JSON).body(json("MAX_TOKENS", "1024", false))
                .put(SUMMARIZER_VARIABLES + "/" + id).then()
                .statusCode(200).body("id", equalTo(id)).body("value", equalTo("1024"));
        given().get(SUMMARIZER_VARIABLES).then().body("find { it.name == 'MAX_TOKENS' }.value", equalTo("1024"));
    }

    @Test
    void aSecretCannotBeMadeNonSecret() {
        String id = idOf(CLASSIFIER_VARIABLES, "MODEL_API_KEY");
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("MODEL_API_KEY", "visible", false))
                .put(CLASSIFIER_VARIABLES + "/" + id).then(), 400, "cannot be made non-secret");
    }

    @Test
    void deleteAnswers204AndTheInheritedVariableShowsAgain() {
        create(CHURN_VARIABLES, json("LOG_LEVEL", "warning", false)).statusCode(201);
        String id = idOf(CHURN_VARIABLES, "LOG_LEVEL");
        given().delete(CHURN_VARIABLES + "/" + id).then().statusCode(204);
        assertUpstreamProblem(given().get(CHURN_VARIABLES + "/" + id).then(), 404, "Environment variable was not found");
        given().get(CHURN_VARIABLES).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("info"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom.level", equalTo("project"));
    }

    @Test
    void anInheritedVariableIsNotAddressableAtTheDeploymentLevel() {
        String projectId = idOf(PROJECT_VARIABLES, "LOG_LEVEL");
        assertEquals(projectId, idOf(CLASSIFIER_VARIABLES, "LOG_LEVEL"));
        assertUpstreamProblem(given().get(CLASSIFIER_VARIABLES + "/" + projectId).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("LOG_LEVEL", "debug", false))
                .put(CLASSIFIER_VARIABLES + "/" + projectId).then(), 404, "Environment variable was not found");
        assertUpstreamProblem(given().delete(CLASSIFIER_VARIABLES + "/" + projectId).then(), 404, "Environment variable was not found");
    }

    @Test
    void copyFromADeploymentBringsItsOwnVariablesAndAnswersOnlyThose() {
        String body = copy(SUMMARIZER_VARIABLES, "{\"sourceDeployment\":\"image-classifier\"}")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", containsInAnyOrder("MODEL_BUCKET", "MODEL_API_KEY"))
                .body("inheritedFrom", org.hamcrest.Matchers.everyItem(nullValue()))
                .body("find { it.name == 'MODEL_API_KEY' }.secret", equalTo(true))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .extract().asString();
        assertNoSecretValue(body);
        // A later list shows the copies as the target's own, next to what it had.
        given().get(SUMMARIZER_VARIABLES).then().statusCode(200)
                .body("findAll { it.inheritedFrom == null }.name",
                        containsInAnyOrder("MAX_TOKENS", "MODEL_BUCKET", "MODEL_API_KEY"))
                .body("find { it.name == 'MODEL_BUCKET' }.value", equalTo("s3://models/image-classifier"));
    }

    @Test
    void copyOverwritesASameNamedVariableWhichKeepsItsId() {
        create(SUMMARIZER_VARIABLES, json("MODEL_BUCKET", "s3://old", false)).statusCode(201);
        String id = idOf(SUMMARIZER_VARIABLES, "MODEL_BUCKET");
        copy(SUMMARIZER_VARIABLES, "{\"sourceDeployment\":\"image-classifier\"}").statusCode(200)
                .body("find { it.name == 'MODEL_BUCKET' }.id", equalTo(id));
        given().get(SUMMARIZER_VARIABLES + "/" + id).then().statusCode(200)
                .body("value", equalTo("s3://models/image-classifier"));
    }

    @Test
    void copyFromAVersionBringsThatVersionsOwnVariables() {
        copy(CHURN_VARIABLES, "{\"sourceDeployment\":\"image-classifier\",\"sourceVersion\":\"v2\"}")
                .statusCode(200)
                .body("name", containsInAnyOrder("LOG_LEVEL", "BATCH_SIZE"));
        given().get(CHURN_VARIABLES).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'LOG_LEVEL' }.inheritedFrom", nullValue())
                .body("find { it.name == 'BATCH_SIZE' }.value", equalTo("16"));
    }

    @Test
    void copyNeedsAValidSourceBeforeAnythingReachesUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(copy(CHURN_VARIABLES, "{}"), "sourceDeployment", emulator);
        assertRejectedAtTheEdge(copy(CHURN_VARIABLES, "{\"sourceDeployment\":\"Image Classifier\"}"),
                "sourceDeployment", emulator);
        assertRejectedAtTheEdge(copy(CHURN_VARIABLES, "{\"sourceDeployment\":\"image-classifier\",\"sourceVersion\":\"V_2\"}"),
                "sourceVersion", emulator);
        copy(CHURN_VARIABLES, "{\"source_deployment\":\"image-classifier\"}").statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", equalTo("Unknown field 'source_deployment'"));
        assertEquals(0, emulator.journal().size());
    }

    @Test
    void copyFromAnUnknownSourceIs404() {
        assertUpstreamProblem(copy(CHURN_VARIABLES, "{\"sourceDeployment\":\"no-such-deployment\"}"), 404,
                "Deployment was not found");
        assertUpstreamProblem(copy(CHURN_VARIABLES, "{\"sourceDeployment\":\"image-classifier\",\"sourceVersion\":\"v9\"}"),
                404, "Version was not found");
    }

    @Test
    void anUnknownDeploymentIs404OnEveryRoute() {
        String unknown = "/api/v1/projects/demo-project/deployments/no-such-deployment/environment-variables";
        assertUpstreamProblem(given().get(unknown).then(), 404, "Deployment was not found");
        assertUpstreamProblem(create(unknown, json("A", "b", false)), 404, "Deployment was not found");
        assertUpstreamProblem(given().get(unknown + "/" + UNKNOWN_ID).then(), 404, "Deployment was not found");
        assertUpstreamProblem(given().contentType(ContentType.JSON).body(json("A", "b", false))
                .put(unknown + "/" + UNKNOWN_ID).then(), 404, "Deployment was not found");
        assertUpstreamProblem(given().delete(unknown + "/" + UNKNOWN_ID).then(), 404, "Deployment was not found");
        assertUpstreamProblem(copy(unknown, "{\"sourceDeployment\":\"image-classifier\"}"), 404, "Deployment was not found");
    }

    @Test
    void badNamesAndIdsAreRefusedBeforeUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(create(CHURN_VARIABLES, json("9LIVES", "x", false)), "name", emulator);
        assertRejectedAtTheEdge(given().contentType(ContentType.JSON).body(json("A__", "x", false))
                .put(CHURN_VARIABLES + "/" + UNKNOWN_ID).then(), "name", emulator);
        assertRejectedAtTheEdge(given().get(CHURN_VARIABLES + "/42").then(), "id", emulator);
        assertRejectedAtTheEdge(given().delete(CHURN_VARIABLES + "/42").then(), "id", emulator);
        assertRejectedAtTheEdge(given().get("/api/v1/projects/demo-project/deployments/Churn_Model/environment-variables")
                .then(), "deployment", emulator);
        assertRejectedAtTheEdge(given().get("/api/v1/projects/demo-project/deployments/" + "d".repeat(65)
                + "/environment-variables").then(), "deployment", emulator);
    }

    @Test
    void aWrongContentTypeIs415() {
        given().contentType(ContentType.XML).body("<variable/>").post(CHURN_VARIABLES).then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.TEXT).body("image-classifier").post(CHURN_VARIABLES + "/copy").then()
                .statusCode(415).contentType(Problem.MEDIA_TYPE);
        create(CHURN_VARIABLES, "[1,2]").statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", endsWith("expected shape"));
    }
}
