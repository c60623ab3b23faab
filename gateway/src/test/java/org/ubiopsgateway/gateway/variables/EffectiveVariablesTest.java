package org.ubiopsgateway.gateway.variables;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.JournalEntry;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_V1_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_V2_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.CLASSIFIER_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.PROJECT_VARIABLES;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertNoSecretValue;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertRejectedAtTheEdge;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.assertUpstreamProblem;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.create;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.idOf;
import static org.ubiopsgateway.gateway.variables.VariablesTestSupport.json;

/** {@code …/versions/{version}/environment-variables/effective}: what a version runs with, and where each value comes from. */
@QuarkusTest
class EffectiveVariablesTest {

    private static final String V2_EFFECTIVE = CLASSIFIER_V2_VARIABLES + "/effective";
    private static final String V1_EFFECTIVE = CLASSIFIER_V1_VARIABLES + "/effective";

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void eachNameOnceSortedWithTheMostSpecificDefinitionWinning() {
        given().get(V2_EFFECTIVE).then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", contains("BATCH_SIZE", "DATABASE_PASSWORD", "LOG_LEVEL", "MODEL_API_KEY", "MODEL_BUCKET"));
    }

    @Test
    void aVersionVariableShadowsTheProjectOne() {
        String versionId = idOf(CLASSIFIER_V2_VARIABLES, "LOG_LEVEL");
        given().get(V2_EFFECTIVE).then()
                .statusCode(200)
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'LOG_LEVEL' }.id", equalTo(versionId))
                .body("find { it.name == 'LOG_LEVEL' }.source.level", equalTo("version"))
                .body("find { it.name == 'LOG_LEVEL' }.source.name", equalTo("v2"))
                .body("find { it.name == 'LOG_LEVEL' }.shadows.level", contains("project"))
                .body("find { it.name == 'LOG_LEVEL' }.shadows.name", contains("demo-project"))
                .body("find { it.name == 'BATCH_SIZE' }.shadows", empty());
    }

    @Test
    void aVariableDefinedOnlyAtTheDeploymentComesFromThere() {
        given().get(V2_EFFECTIVE).then()
                .statusCode(200)
                .body("find { it.name == 'MODEL_BUCKET' }.value", equalTo("s3://models/image-classifier"))
                .body("find { it.name == 'MODEL_BUCKET' }.source.level", equalTo("deployment"))
                .body("find { it.name == 'MODEL_BUCKET' }.source.name", equalTo("image-classifier"))
                .body("find { it.name == 'MODEL_BUCKET' }.shadows", empty());
    }

    @Test
    void secretsAreMarkedAndCarryNoValue() {
        String body = given().get(V2_EFFECTIVE).then()
                .statusCode(200)
                .body("find { it.name == 'MODEL_API_KEY' }.secret", equalTo(true))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .body("find { it.name == 'MODEL_API_KEY' }.source.level", equalTo("deployment"))
                .body("find { it.name == 'DATABASE_PASSWORD' }.secret", equalTo(true))
                .body("find { it.name == 'DATABASE_PASSWORD' }.value", nullValue())
                .body("find { it.name == 'DATABASE_PASSWORD' }.source.level", equalTo("project"))
                .body("find { it.name == 'LOG_LEVEL' }.secret", equalTo(false))
                .extract().asString();
        assertNoSecretValue(body);
    }

    @Test
    void shadowsListsEveryLessSpecificDefinitionNearestFirst() {
        create(CLASSIFIER_VARIABLES, json("LOG_LEVEL", "warning", false)).statusCode(201);
        given().get(V2_EFFECTIVE).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'LOG_LEVEL' }.shadows.level", contains("deployment", "project"))
                .body("find { it.name == 'LOG_LEVEL' }.shadows.name", contains("image-classifier", "demo-project"));
        // v1 has no LOG_LEVEL of its own: the deployment's wins over the project's.
        given().get(V1_EFFECTIVE).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("warning"))
                .body("find { it.name == 'LOG_LEVEL' }.source.level", equalTo("deployment"))
                .body("find { it.name == 'LOG_LEVEL' }.shadows.level", contains("project"));
    }

    @Test
    void followsChangesAtTheProjectLevel() {
        given().get(V1_EFFECTIVE).then().body("find { it.name == 'LOG_LEVEL' }.value", equalTo("info"));

        String logLevel = idOf(PROJECT_VARIABLES, "LOG_LEVEL");
        given().contentType(ContentType.JSON).body(json("LOG_LEVEL", "error", false))
                .put(PROJECT_VARIABLES + "/" + logLevel).then().statusCode(200);
        create(PROJECT_VARIABLES, json("TIMEZONE", "UTC", false)).statusCode(201);

        given().get(V1_EFFECTIVE).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("error"))
                .body("find { it.name == 'LOG_LEVEL' }.source.level", equalTo("project"))
                .body("find { it.name == 'TIMEZONE' }.value", equalTo("UTC"))
                .body("find { it.name == 'TIMEZONE' }.source.name", equalTo("demo-project"));
        // v2 still runs with its own LOG_LEVEL, shadowing the changed project one.
        given().get(V2_EFFECTIVE).then()
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"))
                .body("find { it.name == 'TIMEZONE' }.source.level", equalTo("project"));

        given().delete(PROJECT_VARIABLES + "/" + logLevel).then().statusCode(204);
        given().get(V1_EFFECTIVE).then().body("find { it.name == 'LOG_LEVEL' }", nullValue());
        given().get(V2_EFFECTIVE).then().body("find { it.name == 'LOG_LEVEL' }.shadows", empty());
    }

    @Test
    void readsTheThreeLevelsOnceEachAndInParallel() {
        Duration delay = Duration.ofMillis(700);
        emulator.faults().add(FaultRule.latency(
                "/v2\\.1/projects/demo-project(/deployments/image-classifier(/versions/v2)?)?/environment-variables", delay));
        emulator.journal().clear();

        given().get(V2_EFFECTIVE).then().statusCode(200);

        List<JournalEntry> calls = emulator.journal().entries();
        assertEquals(List.of("deployment_environment_variables_list", "deployment_version_environment_variables_list",
                        "project_environment_variables_list"),
                calls.stream().map(JournalEntry::operation).sorted().toList());
        // In parallel, all three were in flight together: the last arrived before the first was answered. One after
        // the other, each would arrive after the previous answer. (Not how close together: a loaded machine spreads them.)
        long lastArrived = calls.stream().mapToLong(JournalEntry::receivedMicros).max().orElseThrow();
        long firstAnswered = calls.stream().mapToLong(JournalEntry::answeredMicros).min().orElseThrow();
        assertTrue(lastArrived < firstAnswered, () -> "not all in flight at once: " + calls);
    }

    @Test
    void anUnknownVersionIs404() {
        assertUpstreamProblem(given().get("/api/v1/projects/demo-project/deployments/image-classifier/versions/v9"
                + "/environment-variables/effective").then(), 404, "Version was not found");
        assertUpstreamProblem(given().get("/api/v1/projects/no-such-project/deployments/image-classifier/versions/v2"
                + "/environment-variables/effective").then(), 404, "Project was not found");
    }

    @Test
    void badNamesAreRefusedBeforeUpstream() {
        emulator.journal().clear();
        assertRejectedAtTheEdge(given().get("/api/v1/projects/demo-project/deployments/image-classifier/versions/V2"
                + "/environment-variables/effective").then(), "version", emulator);
        assertRejectedAtTheEdge(given().get("/api/v1/projects/-demo/deployments/image-classifier/versions/v2"
                + "/environment-variables/effective").then(), "project", emulator);
    }
}
