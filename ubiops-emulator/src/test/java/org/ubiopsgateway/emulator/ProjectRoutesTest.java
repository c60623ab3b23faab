package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Projects, their users, environment variables, quotas, instance types, resource counts and usage. */
class ProjectRoutesTest extends EmulatorTestBase {

    private static Map<String, Object> newProject(String name) {
        return Map.of("name", name, "organization_name", "demo-organization");
    }

    @Test
    void seededProjectsAreListedWithSummaryFieldsOnly() {
        api().get("/projects").then().statusCode(200)
                .body("name", containsInAnyOrder("demo-project", "sandbox"))
                .body("organization_name", everyItem(equalTo("demo-organization")))
                .body("[0].id", notNullValue())
                .body("[0].creation_date", notNullValue())
                .body("[0].advanced_permissions", equalTo(false))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("credits")));
    }

    @Test
    void organizationFilterKeepsOnlyItsProjects() {
        api().queryParam("organization", "demo-organization").get("/projects").then().statusCode(200).body("", hasSize(2));
        api().queryParam("organization", "other-organization").get("/projects").then().statusCode(200).body("", empty());
    }

    @Test
    void createdProjectHasDocumentedDefaultsAndAppearsInListAndGet() {
        api().body(json(newProject("new-project"))).post("/projects").then().statusCode(201)
                .body("name", equalTo("new-project"))
                .body("id", notNullValue())
                .body("creation_date", notNullValue())
                .body("advanced_permissions", equalTo(false))
                .body("organization_name", equalTo("demo-organization"))
                .body("credits", nullValue())
                .body("suspended", equalTo(false))
                .body("suspended_reason", nullValue())
                .body("cors_origins", empty());
        api().get("/projects").then().body("name", hasItem("new-project"));
        api().get("/projects/new-project").then().statusCode(200).body("name", equalTo("new-project"));
        api().get("/projects/new-project/audit").then().body("[0].event", equalTo("Created project new-project"));
    }

    @Test
    void createTakesOptionalFields() {
        api().body(json(Map.of("name", "rich", "organization_name", "demo-organization", "advanced_permissions", true,
                        "credits", 500, "cors_origins", List.of("https://portal.example"))))
                .post("/projects").then().statusCode(201)
                .body("advanced_permissions", equalTo(true))
                .body("credits", equalTo(500))
                .body("cors_origins", contains("https://portal.example"));
    }

    @Test
    void createRejectsNamesOutsideThePattern() {
        for (String bad : List.of("Upper", "1starts-with-digit", "under_score", "x".repeat(65), "")) {
            api().body(json(newProject(bad))).post("/projects").then().statusCode(400).body("error", notNullValue());
        }
        api().body(json(newProject("a".repeat(64)))).post("/projects").then().statusCode(201);
    }

    @Test
    void createNeedsAnExistingOrganization() {
        api().body(json(Map.of("name", "orphan"))).post("/projects").then().statusCode(400)
                .body("error", equalTo("organization_name: This field is required."));
        api().body(json(Map.of("name", "orphan", "organization_name", "nope"))).post("/projects").then().statusCode(404)
                .body("error", equalTo("Organization was not found"));
    }

    @Test
    void createWithATakenNameConflicts() {
        api().body(json(newProject("demo-project"))).post("/projects").then().statusCode(409).body("error", notNullValue());
    }

    @Test
    void createWithoutBodyIsABadRequest() {
        api().post("/projects").then().statusCode(400);
        api().body("[1]").post("/projects").then().statusCode(400);
    }

    @Test
    void unknownProjectIsNotFound() {
        api().get("/projects/missing").then().statusCode(404).body("error", equalTo("Project was not found"));
    }

    @Test
    void renameMovesTheProject() {
        api().body(json(Map.of("name", "renamed", "cors_origins", List.of("https://a.example")))).patch("/projects/sandbox")
                .then().statusCode(200).body("name", equalTo("renamed")).body("cors_origins", contains("https://a.example"));
        api().get("/projects/sandbox").then().statusCode(404);
        api().get("/projects/renamed").then().statusCode(200).body("cors_origins", contains("https://a.example"));
        api().get("/projects/renamed/audit").then().body("[0].action", equalTo("update"));
    }

    @Test
    void updateValidatesNameAndConflicts() {
        api().body(json(Map.of("name", "Bad Name"))).patch("/projects/sandbox").then().statusCode(400);
        api().body(json(Map.of("name", "demo-project"))).patch("/projects/sandbox").then().statusCode(409);
        api().body(json(Map.of("advanced_permissions", "yes"))).patch("/projects/sandbox").then().statusCode(400);
    }

    @Test
    void suspendAndActivate() {
        api().body(json(Map.of("suspend", true, "credits", 42))).patch("/projects/sandbox").then().statusCode(200)
                .body("suspended", equalTo(true)).body("suspended_reason", notNullValue()).body("credits", equalTo(42));
        api().body(json(Map.of("suspend", false))).patch("/projects/sandbox").then().statusCode(200)
                .body("suspended", equalTo(false)).body("suspended_reason", nullValue()).body("credits", equalTo(42));
    }

    @Test
    void deleteRemovesTheProject() {
        api().delete("/projects/sandbox").then().statusCode(204);
        api().get("/projects/sandbox").then().statusCode(404);
        api().get("/projects").then().body("name", not(hasItem("sandbox")));
        api().delete("/projects/sandbox").then().statusCode(404);
    }

    @Test
    void quotasAndInstanceTypesAreSeeded() {
        api().get("/projects/demo-project/quotas").then().statusCode(200)
                .body("resource", hasItems("memory_standard", "cpu_standard", "gpu_standard"))
                .body("find { it.resource == 'cpu_standard' }.quota", equalTo(62));
        api().get("/projects/demo-project/instance-types").then().statusCode(200)
                .body("name", hasItems("512mb", "1024mb", "2048mb", "16384mb-t4"))
                .body("find { it.name == '16384mb-t4' }.gpu_allocation", equalTo(1))
                .body("find { it.name == '512mb' }.memory_allocation", equalTo(512))
                .body("find { it.name == '512mb' }.credit_rate", equalTo(0.5f));
        api().get("/projects/missing/instance-types").then().statusCode(404);
    }

    @Test
    void resourceUsageCountsDeploymentsLive() {
        int deployments = api().get("/projects/demo-project/resources").then().statusCode(200)
                .body("pipelines", equalTo(1)).body("buckets", equalTo(1))
                .body("$", org.hamcrest.Matchers.hasKey("environments"))
                .extract().path("deployments");
        int versions = api().get("/projects/demo-project/resources").then().extract().path("deployment_versions");
        addDeployment("demo-project", "counted", "v1", "v2");
        api().get("/projects/demo-project/resources").then()
                .body("deployments", equalTo(deployments + 1))
                .body("deployment_versions", equalTo(versions + 2));
    }

    @Test
    void usageDefaultsToOneMonthOfTheCurrentPeriod() {
        api().get("/projects/demo-project/usage").then().statusCode(200)
                .body("interval", equalTo("month"))
                .body("data_project", hasSize(1))
                .body("data_project[0].value", greaterThan(0f))
                .body("data_deployments", notNullValue())
                // old-model is gone: its credits are the deleted deployments' share
                .body("data_deleted_deployments", hasSize(1))
                .body("data_deleted_deployments[0].value", greaterThan(0f));
    }

    @Test
    void usagePerDayCoversTheAskedRange() {
        String start = java.time.LocalDate.now().withDayOfMonth(1).minusMonths(1).toString();
        String end = java.time.LocalDate.parse(start).plusDays(10).toString();
        api().queryParam("interval", "day").queryParam("start_date", start).queryParam("end_date", end)
                .get("/projects/demo-project/usage").then().statusCode(200)
                .body("interval", equalTo("day"))
                .body("data_project", hasSize(10))
                .body("data_project[0].start_date", equalTo(start + "T00:00:00Z"))
                .body("data_project[0].end_date", equalTo(java.time.LocalDate.parse(start).plusDays(1) + "T00:00:00Z"));
    }

    @Test
    void usageListsEveryDeploymentWithItsId() {
        String id = addDeployment("demo-project", "fresh-deployment", "v1");
        api().get("/projects/demo-project/usage").then().statusCode(200)
                .body("data_deployments.find { it.deployment_name == 'fresh-deployment' }.deployment_id", equalTo(id))
                .body("data_deployments.find { it.deployment_name == 'fresh-deployment' }.data[0].value", equalTo(0f));
    }

    @Test
    void usageRejectsOtherIntervalsAndBadDates() {
        api().queryParam("interval", "week").get("/projects/demo-project/usage").then().statusCode(400);
        api().queryParam("start_date", "yesterday").get("/projects/demo-project/usage").then().statusCode(400);
        api().queryParam("start_date", "2024-02-01").queryParam("end_date", "2024-01-01")
                .get("/projects/demo-project/usage").then().statusCode(400);
    }

    @Test
    void usersCanBeAddedListedReadAndRemoved() {
        String olga = ProjectSeed.USERS[3][0];
        api().get("/projects/demo-project/users").then().statusCode(200).body("id", not(hasItem(olga)));
        api().body(json(Map.of("user_id", olga))).post("/projects/demo-project/users").then().statusCode(201)
                .body("id", equalTo(olga)).body("email", equalTo("[email protected]"))
                .body("name", equalTo("Olga")).body("surname", equalTo("Ops"));
        api().get("/projects/demo-project/users").then().body("id", hasItem(olga));
        api().get("/projects/demo-project/users/" + olga).then().statusCode(200).body("email", equalTo("[email protected]"));
        api().delete("/projects/demo-project/users/" + olga).then().statusCode(204);
        api().get("/projects/demo-project/users/" + olga).then().statusCode(404).body("error", equalTo("User was not found"));
        api().delete("/projects/demo-project/users/" + olga).then().statusCode(404);
        api().get("/projects/demo-project/audit").then().body("[0].action", equalTo("delete")).body("[1].action", equalTo("create"));
    }

    @Test
    void onlyOrganizationUsersCanJoinAndOnlyOnce() {
        api().body(json(Map.of("user_id", "00000000-0000-0000-0000-000000000000"))).post("/projects/demo-project/users")
                .then().statusCode(404);
        api().body(json(Map.of("user_id", ProjectSeed.USERS[0][0]))).post("/projects/demo-project/users").then().statusCode(409);
        api().body(json(Map.of())).post("/projects/demo-project/users").then().statusCode(400)
                .body("error", equalTo("user_id: This field is required."));
    }

    @Test
    void seededVariablesHideTheSecretValue() {
        api().get("/projects/demo-project/environment-variables").then().statusCode(200)
                .body("find { it.name == 'LOG_LEVEL' }.value", equalTo("info"))
                .body("find { it.name == 'DATABASE_PASSWORD' }.secret", equalTo(true))
                .body("find { it.name == 'DATABASE_PASSWORD' }", org.hamcrest.Matchers.hasEntry("value", null));
    }

    @Test
    void variableLifecycleIsAudited() {
        String id = api().body(json(Map.of("name", "FEATURE_FLAG", "value", "on", "secret", false)))
                .post("/projects/demo-project/environment-variables").then().statusCode(201)
                .body("name", equalTo("FEATURE_FLAG")).body("value", equalTo("on")).extract().path("id");
        // the single variable is an object, not the one-element list of the document's example
        api().get("/projects/demo-project/environment-variables/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("value", equalTo("on"));
        api().body(json(Map.of("name", "FEATURE_FLAG", "value", "hidden", "secret", true)))
                .patch("/projects/demo-project/environment-variables/" + id).then().statusCode(200)
                .body("secret", equalTo(true)).body("$", org.hamcrest.Matchers.hasEntry("value", null));
        api().body(json(Map.of("name", "FEATURE_FLAG", "value", "x", "secret", false)))
                .patch("/projects/demo-project/environment-variables/" + id).then().statusCode(400);
        api().delete("/projects/demo-project/environment-variables/" + id).then().statusCode(204);
        api().get("/projects/demo-project/environment-variables/" + id).then().statusCode(404);
        api().get("/projects/demo-project/audit").then()
                .body("[0].event", equalTo("Deleted environment variable FEATURE_FLAG"))
                .body("[1].action", equalTo("update"))
                .body("[2].action", equalTo("create"));
    }

    @Test
    void variableNamesFollowTheRules() {
        api().body(json(Map.of("name", "_bad", "value", "v"))).post("/projects/demo-project/environment-variables")
                .then().statusCode(400);
        api().body(json(Map.of("name", "LOG_LEVEL", "value", "v"))).post("/projects/demo-project/environment-variables")
                .then().statusCode(400);
    }

    /** Puts a deployment straight into the store, as the deployment routes would; returns its id. */
    private static String addDeployment(String project, String name, String... versions) {
        return emulator.onLoop(() -> {
            Store.Deployment deployment = new Store.Deployment(new JsonObject().put("id", Api.newId()).put("name", name));
            for (String version : versions) {
                deployment.versions.put(version, new Store.Version(new JsonObject().put("version", version)));
            }
            emulator.store().project(project).deployments.put(name, deployment);
            return deployment.detail.getString("id");
        });
    }

    @Test
    void deletingAProjectTakesItsDeploymentsAlong() {
        addDeployment("sandbox", "inside", "v1");
        api().delete("/projects/sandbox").then().statusCode(204);
        api().body(json(newProject("sandbox"))).post("/projects").then().statusCode(201);
        api().get("/projects/sandbox/resources").then().body("deployments", equalTo(0));
        assertEquals(0, (int) emulator.onLoop(() -> emulator.store().project("sandbox").deployments.size()));
    }

    private static String json(Object value) {
        return io.vertx.core.json.Json.encode(value);
    }
}
