package org.ubiopsgateway.gateway.variables;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.common.Problem;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Paths, seed facts and checks the variable tests share. */
final class VariablesTestSupport {

    static final String PROJECT_VARIABLES = "/api/v1/projects/demo-project/environment-variables";
    static final String CLASSIFIER_VARIABLES = "/api/v1/projects/demo-project/deployments/image-classifier/environment-variables";
    static final String SUMMARIZER_VARIABLES = "/api/v1/projects/demo-project/deployments/text-summarizer/environment-variables";
    static final String CHURN_VARIABLES = "/api/v1/projects/demo-project/deployments/churn-model/environment-variables";
    static final String CLASSIFIER_V1_VARIABLES = "/api/v1/projects/demo-project/deployments/image-classifier/versions/v1/environment-variables";
    static final String CLASSIFIER_V2_VARIABLES = "/api/v1/projects/demo-project/deployments/image-classifier/versions/v2/environment-variables";
    static final String CHURN_V1_VARIABLES = "/api/v1/projects/demo-project/deployments/churn-model/versions/v1/environment-variables";
    /** Well-formed, but no variable has it. */
    static final String UNKNOWN_ID = "0b7e4c1a-2f6d-4e8b-9a3c-5d1f7e9b2c40";
    /** The values of the seeded secrets (ProjectSeed, DeploymentSeed): no gateway answer may contain them. */
    static final List<String> SEEDED_SECRET_VALUES = List.of("s3cr3t-demo", "sk-classifier-7f3a");

    private VariablesTestSupport() {
    }

    static void assertNoSecretValue(String body, String... moreSecrets) {
        for (String secret : SEEDED_SECRET_VALUES) {
            assertFalse(body.contains(secret), () -> "secret value " + secret + " leaked in " + body);
        }
        for (String secret : moreSecrets) {
            assertFalse(body.contains(secret), () -> "secret value " + secret + " leaked in " + body);
        }
    }

    /** The id of the variable called {@code name} in a level's list. */
    static String idOf(String variablesPath, String name) {
        return given().get(variablesPath).then().statusCode(200)
                .extract().path("find { it.name == '" + name + "' }.id");
    }

    static ValidatableResponse create(String variablesPath, String json) {
        return given().contentType(ContentType.JSON).body(json).post(variablesPath).then();
    }

    static String json(String name, String value, boolean secret) {
        return "{\"name\":\"" + name + "\",\"value\":\"" + value + "\",\"secret\":" + secret + "}";
    }

    /** A 400 validation problem naming {@code field}, with nothing sent upstream. */
    static void assertRejectedAtTheEdge(ValidatableResponse response, String field, UbiOpsEmulator emulator) {
        response.statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:ubiops-gateway:problem:validation"))
                .body("violations.field", org.hamcrest.Matchers.hasItem(field));
        assertEquals(List.of(), emulator.journal().entries(), "nothing may reach upstream");
    }

    /** A problem+json answer with UbiOps's own message. */
    static void assertUpstreamProblem(ValidatableResponse response, int status, String message) {
        response.statusCode(status)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("detail", containsString(message));
    }
}
