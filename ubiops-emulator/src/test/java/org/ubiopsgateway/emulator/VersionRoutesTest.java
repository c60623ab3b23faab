package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

class VersionRoutesTest extends DeploymentEmulatorTestBase {

    private static final String CLASSIFIER = DEPLOYMENTS + "/image-classifier";

    @Test
    void newVersionHasTheDocumentedDefaults() {
        String path = createPlainDeployment("fresh");
        api(new JsonObject().put("version", "v1")).post(path + "/versions").then().statusCode(201)
                .body("deployment", equalTo("fresh")).body("version", equalTo("v1")).body("default", equalTo(true))
                .body("status", equalTo("unavailable")).body("active_revision", nullValue())
                .body("latest_revision", nullValue()).body("last_file_upload", nullValue())
                .body("maximum_instances", equalTo(5)).body("minimum_instances", equalTo(0))
                .body("maximum_idle_time", equalTo(300)).body("request_retention_time", equalTo(604800))
                .body("request_retention_mode", equalTo("full")).body("maximum_queue_size_express", equalTo(100))
                .body("maximum_queue_size_batch", equalTo(100000)).body("static_ip", equalTo(false))
                .body("restart_request_interruption", equalTo(false)).body("scaling_strategy", equalTo("default"))
                .body("instance_processes", equalTo(1)).body("instance_type_group_name", equalTo("512mb"))
                .body("instance_type_group_id", notNullValue()).body("environment", equalTo("python3-11"))
                .body("environment_display_name", equalTo("Python 3.11")).body("has_request_method", nullValue());
    }

    @Test
    void createdVersionCarriesEverySettingGiven() {
        JsonObject body = new JsonObject().put("version", "v3").put("environment", "r4-0")
                .put("instance_type_group_name", "2048mb").put("minimum_instances", 1).put("maximum_instances", 3)
                .put("maximum_idle_time", 600).put("request_retention_mode", "metadata").put("request_retention_time", 3600)
                .put("maximum_queue_size_express", 10).put("maximum_queue_size_batch", 20).put("static_ip", true)
                .put("restart_request_interruption", true).put("scaling_strategy", "moderate").put("instance_processes", 2)
                .put("labels", new JsonObject().put("stage", "test")).put("description", "Third")
                .put("ports", new JsonArray().add(new JsonObject().put("public_port", 2222).put("deployment_port", 22).put("protocol", "tcp")));
        api(body).post(CLASSIFIER + "/versions").then().statusCode(201).body("default", equalTo(false));
        api().get(CLASSIFIER + "/versions/v3").then().statusCode(200)
                .body("environment_display_name", equalTo("R 4.0")).body("instance_type_group_name", equalTo("2048mb"))
                .body("minimum_instances", equalTo(1)).body("maximum_instances", equalTo(3))
                .body("maximum_idle_time", equalTo(600)).body("request_retention_mode", equalTo("metadata"))
                .body("static_ip", equalTo(true)).body("scaling_strategy", equalTo("moderate"))
                .body("ports[0].public_port", equalTo(2222)).body("labels.stage", equalTo("test"))
                .body("description", equalTo("Third"));
    }

    @Test
    void invalidSettingsAreRejected() {
        String versions = CLASSIFIER + "/versions";
        api(new JsonObject().put("version", "V_3")).post(versions).then().statusCode(400);
        api(new JsonObject().put("version", "v3").put("request_retention_mode", "all")).post(versions).then().statusCode(400)
                .body("error", containsString("request_retention_mode"));
        api(new JsonObject().put("version", "v3").put("scaling_strategy", "fast")).post(versions).then().statusCode(400)
                .body("error", containsString("scaling_strategy"));
        api(new JsonObject().put("version", "v3").put("maximum_idle_time", 5)).post(versions).then().statusCode(400);
        api(new JsonObject().put("version", "v3").put("minimum_instances", 4).put("maximum_instances", 2)).post(versions)
                .then().statusCode(400);
        api(new JsonObject().put("version", "v3").put("instance_type_group_name", "64gb")).post(versions).then().statusCode(400);
        api(new JsonObject().put("version", "v3").put("ports", new JsonArray().add(new JsonObject()
                .put("public_port", 70000).put("deployment_port", 22).put("protocol", "tcp")))).post(versions).then().statusCode(400);
        api(new JsonObject().put("version", "v1")).post(versions).then().statusCode(409);
        api().get(versions + "/v3").then().statusCode(404).body("error", equalTo("Version was not found"));
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndRevalidates() {
        String v2 = CLASSIFIER + "/versions/v2";
        api(new JsonObject().put("maximum_instances", 0)).patch(v2).then().statusCode(400); // v2 has minimum 1
        api(new JsonObject().put("maximum_instances", 8).put("labels", new JsonObject().put("new", "yes"))).patch(v2).then()
                .statusCode(200).body("maximum_instances", equalTo(8)).body("minimum_instances", equalTo(1))
                .body("labels", equalTo(Map.of("new", "yes"))).body("scaling_strategy", equalTo("moderate"));
        api(new JsonObject().put("version", "v1")).patch(v2).then().statusCode(409);
    }

    @Test
    void renamingTheDefaultVersionMovesTheDefault() {
        api(new JsonObject().put("version", "stable")).patch(CLASSIFIER + "/versions/v1").then().statusCode(200)
                .body("version", equalTo("stable")).body("default", equalTo(true));
        api().get(CLASSIFIER).then().body("default_version", equalTo("stable"));
        api().get(CLASSIFIER + "/versions/v1").then().statusCode(404);
    }

    @Test
    void listShowsSeededStateAndFiltersOnLabels() {
        api().get(CLASSIFIER + "/versions").then().statusCode(200)
                .body("version", contains("v1", "v2")).body("default", contains(true, false))
                .body("status", contains("available", "available"))
                .body("", everyItem(not(hasKey("instance_type_group_id"))));
        api().queryParam("labels", "stage:canary").get(CLASSIFIER + "/versions").then().body("version", contains("v2"));
    }

    @Test
    void seededFailedBuildLeavesTheOlderRevisionActive() {
        JsonObject v2 = new JsonObject(api().get(CLASSIFIER + "/versions/v2").then().statusCode(200).extract().asString());
        String latest = v2.getString("latest_revision");
        String active = v2.getString("active_revision");
        org.junit.jupiter.api.Assertions.assertNotEquals(latest, active);
        api().get(CLASSIFIER + "/versions/v2/revisions/" + latest).then().body("status", equalTo("failed"))
                .body("error_message", containsString("requirements"));
        api().get(CLASSIFIER + "/versions/v2/builds/" + latest).then().statusCode(200).body("status", equalTo("failed"));
    }

    @Test
    void deletingTheDefaultVersionLeavesTheDeploymentWithoutDefault() {
        api().delete(CLASSIFIER + "/versions/v1").then().statusCode(204);
        api().get(CLASSIFIER).then().body("default_version", nullValue());
        api().get(CLASSIFIER + "/versions").then().body("version", contains("v2"));
        api().delete(CLASSIFIER + "/versions/v1").then().statusCode(404);
    }
}
