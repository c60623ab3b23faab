package org.ubiopsgateway.gateway.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.dev.DirectToEmulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * With the micro-cache on, a read is served from the cache until a mutation through the gateway changes it: then
 * the very next read shows the change. One test per kind of mutation; each first shows that the read was cached
 * (a change made behind the gateway's back stays unseen).
 */
@QuarkusTest
@TestProfile(MicroCacheProfile.class)
class ReadYourWritesTest {

    private static final String DEMO = "/api/v1/projects/demo-project";
    private static final String CHURN = DEMO + "/deployments/churn-model";
    private static final String CHURN_V1 = CHURN + "/versions/v1";

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void readsAreServedFromTheCacheUntilAMutationThroughTheGateway() {
        cached(DEMO + "/deployments", "name", not(hasItem("behind-the-back")));
        DirectToEmulator.as(emulator).body("{\"name\": \"behind-the-back\", \"input_type\": \"plain\", \"output_type\": \"plain\"}")
                .post("/projects/demo-project/deployments").then().statusCode(201);
        given().get(DEMO + "/deployments").then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT")
                .body("name", not(hasItem("behind-the-back")));
        assertEquals1Call("deployments_list");
    }

    @Test
    void creatingADeploymentRefreshesTheDeploymentListAndTheOverview() {
        cached(DEMO + "/deployments", "name", not(hasItem("fresh")));
        cached(DEMO + "/overview", "deployments.name", not(hasItem("fresh")));
        json("{\"name\": \"fresh\", \"inputType\": \"plain\", \"outputType\": \"plain\"}").post(DEMO + "/deployments")
                .then().statusCode(201);
        refreshed(DEMO + "/deployments", "name", hasItem("fresh"));
        refreshed(DEMO + "/overview", "deployments.name", hasItem("fresh"));
    }

    @Test
    void updatingADeploymentRefreshesItAndTheList() {
        cached(CHURN, "description", not(equalTo("changed")));
        cached(DEMO + "/deployments", "find { it.name == 'churn-model' }.description", not(equalTo("changed")));
        json("{\"description\": \"changed\"}").patch(CHURN).then().statusCode(200);
        refreshed(CHURN, "description", equalTo("changed"));
        refreshed(DEMO + "/deployments", "find { it.name == 'churn-model' }.description", equalTo("changed"));
    }

    @Test
    void deletingADeploymentRefreshesTheListAndForgetsTheDeployment() {
        cached(DEMO + "/deployments", "name", hasItem("churn-model"));
        cached(CHURN_V1, "version", equalTo("v1"));
        given().delete(CHURN).then().statusCode(204);
        refreshed(DEMO + "/deployments", "name", not(hasItem("churn-model")));
        given().get(CHURN_V1).then().statusCode(404);
    }

    @Test
    void creatingUpdatingAndDeletingAVersionRefreshTheVersionsAndTheDeployment() {
        cached(CHURN + "/versions", "version", not(hasItem("v9")));
        json("{\"version\": \"v9\", \"description\": \"first\"}").post(CHURN + "/versions").then().statusCode(201);
        refreshed(CHURN + "/versions", "version", hasItem("v9"));

        cached(CHURN + "/versions/v9", "description", equalTo("first"));
        json("{\"description\": \"second\"}").patch(CHURN + "/versions/v9").then().statusCode(200);
        refreshed(CHURN + "/versions/v9", "description", equalTo("second"));

        cached(CHURN + "/versions", "version", hasItem("v9"));
        given().delete(CHURN + "/versions/v9").then().statusCode(204);
        refreshed(CHURN + "/versions", "version", not(hasItem("v9")));
    }

    @Test
    void updatingTheProjectRefreshesIt() {
        cached(DEMO, "advancedPermissions", equalTo(false));
        json("{\"advancedPermissions\": true}").patch(DEMO).then().statusCode(200);
        refreshed(DEMO, "advancedPermissions", equalTo(true));
    }

    @Test
    void aProjectVariableChangeRefreshesItsListAndEveryEffectiveViewUnderIt() {
        cached(DEMO + "/environment-variables", "name", not(hasItem("FROM_PROJECT")));
        cached(CHURN_V1 + "/environment-variables/effective", "name", not(hasItem("FROM_PROJECT")));
        json("{\"name\": \"FROM_PROJECT\", \"value\": \"p\"}").post(DEMO + "/environment-variables").then().statusCode(201);
        refreshed(CHURN_V1 + "/environment-variables/effective", "name", hasItem("FROM_PROJECT"));
        // The effective view just read the project's list afresh and cached it again.
        given().get(DEMO + "/environment-variables").then().statusCode(200).body("name", hasItem("FROM_PROJECT"));
    }

    @Test
    void aDeploymentVariableChangeRefreshesTheEffectiveViewOfItsVersions() {
        cached(CHURN_V1 + "/environment-variables/effective", "name", not(hasItem("FROM_DEPLOYMENT")));
        json("{\"name\": \"FROM_DEPLOYMENT\", \"value\": \"d\"}").post(CHURN + "/environment-variables")
                .then().statusCode(201);
        refreshed(CHURN_V1 + "/environment-variables/effective", "name", hasItem("FROM_DEPLOYMENT"));
    }

    @Test
    void aNewRevisionRefreshesTheRevisionsAndTheVersionsLatestRevision() {
        String before = cached(CHURN_V1, "version", equalTo("v1")).path("latestRevision");
        cached(CHURN_V1 + "/revisions", "id", not(hasItem("none")));
        String created = given().multiPart("sourceDeployment", "image-classifier").multiPart("sourceVersion", "v1")
                .post(CHURN_V1 + "/revisions").then().statusCode(201).extract().path("id");
        refreshed(CHURN_V1 + "/revisions", "id", hasItem(created));
        refreshed(CHURN_V1, "latestRevision", equalTo(created));
        org.junit.jupiter.api.Assertions.assertNotEquals(before, created);
    }

    /** Reads twice: the second answer comes from the cache, and both match. */
    private io.restassured.response.Response cached(String path, String field, Matcher<?> matcher) {
        given().get(path).then().statusCode(200).body(field, matcher);
        return given().get(path).then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT").body(field, matcher)
                .extract().response();
    }

    /** The read after the mutation went upstream and shows it. */
    private void refreshed(String path, String field, Matcher<?> matcher) {
        given().get(path).then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS").body(field, matcher);
    }

    private void assertEquals1Call(String operation) {
        org.junit.jupiter.api.Assertions.assertEquals(1, emulator.journal().count(operation));
    }

    private static RequestSpecification json(String body) {
        return given().contentType("application/json").body(body);
    }
}
