package org.ubiopsgateway.gateway.projects;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET /api/v1/projects/{project}/usage, /resources, /quotas and /instance-types. */
@QuarkusTest
class ProjectUsageResourceTest {

    private static final String DEMO = "/api/v1/projects/demo-project";
    private static final String UNKNOWN = "/api/v1/projects/no-such-project";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void usagePerDayCoversTheRequestedDaysForProjectDeploymentsAndDeletedOnes() {
        given().queryParam("start", "2024-03-01").queryParam("end", "2024-03-04").queryParam("interval", "day")
                .get(DEMO + "/usage").then().statusCode(200)
                .body("interval", equalTo("day"))
                .body("project", hasSize(3))
                .body("project[0].start", equalTo("2024-03-01T00:00:00Z"))
                .body("project[0].end", equalTo("2024-03-02T00:00:00Z"))
                .body("deployments.deployment", contains("image-classifier", "text-summarizer", "churn-model"))
                .body("deployments[0].periods", hasSize(3))
                .body("deletedDeployments", hasSize(3))
                .body("data_project", nullValue());
        String query = URLDecoder.decode(journal.entries("projects_usage_get").get(0).query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("interval=day") && query.contains("start_date=2024-03-01T00:00:00Z"), query);
    }

    @Test
    void usageWithoutParametersIsTheCurrentPeriodPerMonth() {
        given().get(DEMO + "/usage").then().statusCode(200)
                .body("interval", equalTo("month"))
                .body("project", hasSize(1))
                .body("project[0].credits", equalTo(624.75f));
    }

    @Test
    void usageRefusesAnUnknownIntervalNamingTheAllowedOnes() {
        rejected(given().queryParam("interval", "week").get(DEMO + "/usage").then(), "interval", journal)
                .body("violations[0].message", equalTo("must be one of: day, month"));
    }

    @Test
    void usageRefusesDatesThatAreNotIsoAndAnEndBeforeTheStart() {
        rejected(given().queryParam("start", "01-03-2024").get(DEMO + "/usage").then(), "start", journal);
        rejected(given().queryParam("start", "2024-03-05").queryParam("end", "2024-03-01").get(DEMO + "/usage").then(),
                "end", journal);
    }

    @Test
    void usageOfAnUnknownProjectIsNotFound() {
        notFound(given().get(UNKNOWN + "/usage").then(), "Project was not found");
    }

    @Test
    void resourcesCountTheProjectsObjects() {
        given().get(DEMO + "/resources").then().statusCode(200)
                .body("deployments", equalTo(3))
                .body("deploymentVersions", equalTo(4))
                .body("pipelines", equalTo(1))
                .body("buckets", equalTo(1))
                .body("environments", equalTo(0));
        notFound(given().get(UNKNOWN + "/resources").then(), "Project was not found");
    }

    @Test
    void resourcesRefuseAnInvalidProjectName() {
        rejected(given().get("/api/v1/projects/9lives/resources").then(), "project", journal);
    }

    @Test
    void quotasListWhatTheProjectMayUse() {
        given().get(DEMO + "/quotas").then().statusCode(200)
                .body("resource", hasItem("memory_standard"))
                .body("find { it.resource == 'memory_standard' }.limit", equalTo(274877906944L))
                .body("find { it.resource == 'gpu_t4' }.limit", equalTo(2));
        notFound(given().get(UNKNOWN + "/quotas").then(), "Project was not found");
    }

    @Test
    void quotasRefuseAnInvalidProjectName() {
        rejected(given().get("/api/v1/projects/a%20b/quotas").then(), "project", journal);
    }

    @Test
    void instanceTypesCarryTheirSizesWithUnitsInTheirNames() {
        given().get(DEMO + "/instance-types").then().statusCode(200)
                .body("name", hasItem("512mb"))
                .body("[0].memoryMi", equalTo(512))
                .body("[0].cpus", equalTo(0.125f))
                .body("[0].storageMb", equalTo(2048))
                .body("[0].creditsPerHour", equalTo(0.5f))
                .body("find { it.name == '16384mb-t4' }.gpus", equalTo(1));
        notFound(given().get(UNKNOWN + "/instance-types").then(), "Project was not found");
    }

    @Test
    void instanceTypesRefuseAnInvalidProjectName() {
        rejected(given().get("/api/v1/projects/" + "x".repeat(65) + "/instance-types").then(), "project", journal);
    }
}
