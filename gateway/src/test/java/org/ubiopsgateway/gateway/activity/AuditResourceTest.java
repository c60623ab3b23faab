package org.ubiopsgateway.gateway.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentUpdate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET /api/v1/projects/{project}/audit and /api/v1/projects/{project}/deployments/{deployment}/audit. */
@QuarkusTest
class AuditResourceTest {

    private static final String AUDIT = "/api/v1/projects/demo-project/audit";
    private static final String DEPLOYMENT_AUDIT = "/api/v1/projects/demo-project/deployments/image-classifier/audit";
    /** The seeded project's audit trail. */
    private static final int SEEDED = 12;

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    UbiOpsDeployments deployments;

    @Inject
    Journal journal;

    @Test
    void firstPageHoldsTheNewestEventsAndPointsToTheNext() {
        given().queryParam("limit", 5).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(5))
                .body("limit", equalTo(5))
                .body("offset", equalTo(0))
                .body("nextOffset", equalTo(5))
                .body("items[0].description", equalTo("Deleted deployment old-model"))
                .body("items[0].action", equalTo("delete"))
                .body("items[0].objectName", nullValue())
                .body("items[0].date", matchesPattern("^\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z$"))
                .body("items[1].objectType", equalTo("project"))
                .body("items[1].user", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        assertEquals("limit=6&offset=0", journal.entries("project_audit_events_list").get(0).query(),
                "one more than the page, to know whether another page exists");
    }

    @Test
    void pagesWalkTheWholeTrailOnceAndTheLastHasNoNextOffset() {
        List<String> ids = new ArrayList<>();
        Integer offset = 0;
        int pages = 0;
        while (offset != null) {
            JsonPath page = given().queryParam("limit", 5).queryParam("offset", offset).get(AUDIT)
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            offset = page.get("nextOffset");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(SEEDED, ids.size());
        assertEquals(SEEDED, new HashSet<>(ids).size());
    }

    @Test
    void aPageThatExactlyEndsTheTrailHasNoNextOffset() {
        given().queryParam("limit", SEEDED).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(SEEDED)).body("nextOffset", nullValue());
        given().queryParam("limit", SEEDED - 1).get(AUDIT).then().body("nextOffset", equalTo(SEEDED - 1));
        given().queryParam("offset", SEEDED).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(0)).body("nextOffset", nullValue());
    }

    @Test
    void filtersByAction() {
        given().queryParam("action", "update").get(AUDIT).then().statusCode(200)
                .body("items.action", everyItem(equalTo("update")))
                .body("items", hasSize(2));
        assertTrue(journal.entries("project_audit_events_list").get(0).query().contains("action=update"));
    }

    @Test
    void refusesAnUnknownActionNamingTheAllowedOnes() {
        rejected(given().queryParam("action", "rename").get(AUDIT).then(), "action", journal)
                .body("violations[0].message", equalTo("must be one of: create, update, delete, info"));
    }

    @Test
    void refusesLimitsOutside1To500AndANegativeOffset() {
        rejected(given().queryParam("limit", 0).get(AUDIT).then(), "limit", journal);
        rejected(given().queryParam("limit", 501).get(AUDIT).then(), "limit", journal);
        rejected(given().queryParam("offset", -1).get(AUDIT).then(), "offset", journal);
        rejected(given().queryParam("limit", "ten").get(AUDIT).then().statusCode(400), "limit", journal);
    }

    @Test
    void acceptsTheLargestLimit() {
        given().queryParam("limit", 500).get(AUDIT).then().statusCode(200)
                .body("items", hasSize(SEEDED)).body("nextOffset", nullValue());
        assertEquals("limit=501&offset=0", journal.entries("project_audit_events_list").get(0).query());
    }

    @Test
    void ofAnUnknownProjectIsNotFound() {
        notFound(given().get("/api/v1/projects/no-such-project/audit").then(), "Project was not found");
    }

    @Test
    void deploymentAuditPagesTheDeploymentsOwnEvents() {
        for (String description : List.of("first", "second", "third")) {
            deployments.updateDeployment("demo-project", "image-classifier",
                    new DeploymentUpdate(null, description, null, null, null, null)).await().atMost(Duration.ofSeconds(10));
        }
        journal.clear();
        given().queryParam("limit", 3).get(DEPLOYMENT_AUDIT).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.action", contains("update", "update", "update"))
                .body("items.objectName", everyItem(equalTo("image-classifier")))
                .body("nextOffset", equalTo(3));
        assertEquals("limit=4&offset=0", journal.entries("deployment_audit_events_list").get(0).query());
        given().queryParam("limit", 3).queryParam("offset", 3).get(DEPLOYMENT_AUDIT).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].description", equalTo("Created deployment image-classifier"))
                .body("nextOffset", nullValue());
        given().queryParam("action", "create").get(DEPLOYMENT_AUDIT).then().body("items", hasSize(1));
    }

    @Test
    void deploymentAuditOfAnUnknownDeploymentIsNotFound() {
        notFound(given().get("/api/v1/projects/demo-project/deployments/no-such-model/audit").then(),
                "Deployment was not found");
    }

    @Test
    void deploymentAuditRefusesInvalidNamesAndActionsBeforeUpstream() {
        rejected(given().get("/api/v1/projects/demo-project/deployments/Image_Classifier/audit").then(), "deployment", journal);
        rejected(given().queryParam("action", "CREATE").get(DEPLOYMENT_AUDIT).then(), "action", journal);
        rejected(given().queryParam("limit", 1000).get(DEPLOYMENT_AUDIT).then(), "limit", journal);
    }
}
