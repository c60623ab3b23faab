package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InheritedVariablesTest extends DeploymentEmulatorTestBase {

    private static final String CLASSIFIER = DEPLOYMENTS + "/image-classifier";
    private static final String V2 = CLASSIFIER + "/versions/v2";

    private static JsonObject variable(String name, String value, boolean secret) {
        return new JsonObject().put("name", name).put("value", value).put("secret", secret);
    }

    @Test
    void deploymentListShowsOwnThenProjectVariables() {
        api().get(CLASSIFIER + "/environment-variables").then().statusCode(200)
                .body("name", contains("MODEL_BUCKET", "MODEL_API_KEY", "LOG_LEVEL", "DATABASE_PASSWORD"))
                .body("inheritance_type", contains(null, null, "project", "project"))
                .body("inheritance_name", contains(null, null, "demo-project", "demo-project"))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .body("find { it.name == 'DATABASE_PASSWORD' }.value", nullValue());
    }

    @Test
    void versionListShowsOwnThenDeploymentThenProjectAndShadowedOnesOnce() {
        api().get(V2 + "/environment-variables").then().statusCode(200)
                .body("name", contains("LOG_LEVEL", "BATCH_SIZE", "MODEL_BUCKET", "MODEL_API_KEY", "DATABASE_PASSWORD"))
                .body("inheritance_type", contains(null, null, "deployment", "deployment", "project"))
                .body("inheritance_name", contains(null, null, "image-classifier", "image-classifier", "demo-project"))
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("debug"));
    }

    @Test
    void deploymentVariableLifecycle() {
        String list = CLASSIFIER + "/environment-variables";
        String id = api(variable("TIMEOUT", "30", false)).post(list).then().statusCode(201)
                .body("name", equalTo("TIMEOUT")).body("$", not(hasKey("inheritance_type"))).extract().path("id");
        api().get(list + "/" + id).then().statusCode(200).body("value", equalTo("30"));
        api(variable("TIMEOUT", "60", true)).patch(list + "/" + id).then().statusCode(200)
                .body("value", nullValue()).body("secret", equalTo(true));
        api(variable("TIMEOUT", "60", false)).patch(list + "/" + id).then().statusCode(400);
        api(variable("TIMEOUT", "1", false)).post(list).then().statusCode(400);
        api(variable("_BAD", "1", false)).post(list).then().statusCode(400);
        api().delete(list + "/" + id).then().statusCode(204);
        api().get(list + "/" + id).then().statusCode(404);
        api().get(list).then().body("name", not(hasItem("TIMEOUT")));
    }

    @Test
    void inheritedVariablesCannotBeReadThroughTheLowerLevel() {
        String projectVariableId = api().get(CLASSIFIER + "/environment-variables").then()
                .extract().path("find { it.name == 'DATABASE_PASSWORD' }.id");
        api().get(CLASSIFIER + "/environment-variables/" + projectVariableId).then().statusCode(404);
    }

    @Test
    void copyFromADeploymentOverwritesSameNamedVariablesAndKeepsSecrets() {
        String target = DEPLOYMENTS + "/text-summarizer/environment-variables";
        String existingId = api(variable("MODEL_BUCKET", "old", false)).post(target).then().statusCode(201).extract().path("id");
        api(new JsonObject().put("source_deployment", "image-classifier"))
                .post(DEPLOYMENTS + "/text-summarizer/copy-environment-variables").then().statusCode(201)
                .body("name", containsInAnyOrder("MODEL_BUCKET", "MODEL_API_KEY"))
                .body("inheritance_type", contains(null, null))
                .body("find { it.name == 'MODEL_BUCKET' }.id", equalTo(existingId))
                .body("find { it.name == 'MODEL_BUCKET' }.value", equalTo("s3://models/image-classifier"))
                .body("find { it.name == 'MODEL_API_KEY' }.value", nullValue())
                .body("find { it.name == 'MODEL_API_KEY' }.secret", equalTo(true));
        api().get(target).then().body("name", contains("MAX_TOKENS", "MODEL_BUCKET", "MODEL_API_KEY", "LOG_LEVEL", "DATABASE_PASSWORD"));
        // the secret's value travelled: it is readable nowhere, but the stored copy equals the source
        Map<String, String> values = emulator.onLoop(() -> Map.of(
                "source", secretValue(emulator.store().project("demo-project").deployment("image-classifier").environmentVariables),
                "copy", secretValue(emulator.store().project("demo-project").deployment("text-summarizer").environmentVariables)));
        assertEquals(values.get("source"), values.get("copy"));
    }

    private static String secretValue(Map<String, JsonObject> variables) {
        return variables.values().stream().filter(v -> v.getString("name").equals("MODEL_API_KEY")).findFirst()
                .orElseThrow().getString("value");
    }

    @Test
    void copyFromAVersionToAVersion() {
        String target = DEPLOYMENTS + "/churn-model/versions/v1";
        api(new JsonObject().put("source_deployment", "image-classifier").put("source_version", "v2"))
                .post(target + "/copy-environment-variables").then().statusCode(201)
                .body("name", contains("LOG_LEVEL", "BATCH_SIZE"));
        List<String> names = api().get(target + "/environment-variables").then().extract().path("name");
        assertEquals(List.of("THRESHOLD", "LOG_LEVEL", "BATCH_SIZE", "DATABASE_PASSWORD"), names);
        api(new JsonObject().put("source_deployment", "image-classifier").put("source_version", "v7"))
                .post(target + "/copy-environment-variables").then().statusCode(404);
        api(new JsonObject()).post(target + "/copy-environment-variables").then().statusCode(400);
    }

    @Test
    void versionVariableLifecycleIsAudited() {
        String list = V2 + "/environment-variables";
        int before = api().get(CLASSIFIER + "/audit").then().extract().path("size()");
        String id = api(variable("WORKERS", "4", false)).post(list).then().statusCode(201).extract().path("id");
        api(variable("WORKERS", "8", false)).patch(list + "/" + id).then().statusCode(200).body("value", equalTo("8"));
        api().delete(list + "/" + id).then().statusCode(204);
        api().get(CLASSIFIER + "/audit").then().body("event", hasItem("Created environment variable WORKERS for version v2 of deployment image-classifier"))
                .body("action", hasSize(before + 3));
    }
}
