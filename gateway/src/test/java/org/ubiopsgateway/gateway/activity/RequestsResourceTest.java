package org.ubiopsgateway.gateway.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET /api/v1/projects/{project}/requests. */
@QuarkusTest
class RequestsResourceTest {

    private static final String REQUESTS = "/api/v1/projects/demo-project/requests";
    /** Seeded deployment requests; the pipeline requests are 4 more. */
    private static final int DEPLOYMENT_REQUESTS = 40;

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    private String upstreamQuery() {
        return URLDecoder.decode(journal.entries("project_requests_list").get(0).query(), StandardCharsets.UTF_8);
    }

    @Test
    void deploymentRequestsByDefaultNewestFirstWithOneMoreAskedUpstream() {
        JsonPath page = given().queryParam("limit", 10).get(REQUESTS).then().statusCode(200)
                .body("items", hasSize(10))
                .body("items.deployment", everyItem(notNullValue()))
                .body("items.pipeline", everyItem(nullValue()))
                .body("nextOffset", equalTo(10))
                .body("items[0].created", notNullValue())
                .body("items[0].time_created", nullValue())
                .extract().jsonPath();
        List<String> created = page.getList("items.created");
        for (int i = 1; i < created.size(); i++) {
            assertTrue(Instant.parse(created.get(i - 1)).isAfter(Instant.parse(created.get(i))), created.toString());
        }
        String query = upstreamQuery();
        assertTrue(query.contains("object_type=deployment") && query.contains("limit=11") && query.contains("offset=0"), query);
    }

    @Test
    void pagesWalkAllDeploymentRequestsOnce() {
        List<String> ids = new ArrayList<>();
        Integer offset = 0;
        while (offset != null) {
            JsonPath page = given().queryParam("limit", 15).queryParam("offset", offset).get(REQUESTS)
                    .then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            offset = page.get("nextOffset");
        }
        assertEquals(DEPLOYMENT_REQUESTS, ids.size());
        assertEquals(DEPLOYMENT_REQUESTS, new HashSet<>(ids).size());
    }

    @Test
    void pipelineRequestsOnAsk() {
        given().queryParam("objectType", "pipeline").get(REQUESTS).then().statusCode(200)
                .body("items", hasSize(4))
                .body("items.pipeline", everyItem(equalTo("preprocess-and-classify")))
                .body("items.status", everyItem(equalTo("completed")))
                .body("items.success", everyItem(equalTo(true)))
                .body("nextOffset", nullValue());
    }

    @Test
    void filtersReachUpstreamInItsOwnNames() {
        given().queryParam("status", "completed").queryParam("success", "true").queryParam("sort", "asc")
                .queryParam("pipeline", "false").queryParam("schedule", "nightly-batch")
                .queryParam("start", "2020-01-01T00:00:00+02:00").queryParam("end", "2100-01-01")
                .queryParam("search", "a")
                .get(REQUESTS).then().statusCode(200)
                .body("items.status", everyItem(equalTo("completed")));
        String query = upstreamQuery();
        for (String expected : List.of("status=completed", "success=true", "sort=asc", "pipeline=false",
                "request_schedule=nightly-batch", "start_date=2019-12-31T22:00:00Z", "end_date=2100-01-01T00:00:00Z", "search_id=a")) {
            assertTrue(query.contains(expected), expected + " in " + query);
        }
    }

    @Test
    void sortAscGivesTheOldestFirst() {
        JsonPath page = given().queryParam("sort", "asc").queryParam("limit", 5).get(REQUESTS).then().statusCode(200)
                .extract().jsonPath();
        List<String> created = page.getList("items.created");
        for (int i = 1; i < created.size(); i++) {
            assertTrue(Instant.parse(created.get(i - 1)).isBefore(Instant.parse(created.get(i))), created.toString());
        }
    }

    @Test
    void statusFilterKeepsOnlyThatStatus() {
        given().queryParam("status", "pending").get(REQUESTS).then().statusCode(200)
                .body("items.status", everyItem(equalTo("pending")))
                .body("items.success", everyItem(nullValue()))
                .body("items.started", everyItem(nullValue()));
    }

    @Test
    void refusesUnknownEnumerationValuesNamingTheParameter() {
        rejected(given().queryParam("status", "done").get(REQUESTS).then(), "status", journal)
                .body("violations[0].message",
                        equalTo("must be one of: pending, processing, failed, completed, cancelled, cancelled_pending"));
        rejected(given().queryParam("objectType", "webhook").get(REQUESTS).then(), "objectType", journal);
        rejected(given().queryParam("sort", "newest").get(REQUESTS).then(), "sort", journal);
        rejected(given().queryParam("success", "yes").get(REQUESTS).then(), "success", journal);
    }

    @Test
    void refusesDatesThatAreNotIsoAndMalformedSearches() {
        rejected(given().queryParam("start", "yesterday").get(REQUESTS).then(), "start", journal);
        rejected(given().queryParam("end", "2024-13-01").get(REQUESTS).then(), "end", journal);
        rejected(given().queryParam("search", "not an id").get(REQUESTS).then(), "search", journal);
        rejected(given().queryParam("schedule", "Nightly Batch").get(REQUESTS).then(), "schedule", journal);
    }

    @Test
    void refusesLimitsOutsideTheBounds() {
        rejected(given().queryParam("limit", 501).get(REQUESTS).then(), "limit", journal);
        rejected(given().queryParam("limit", 0).get(REQUESTS).then(), "limit", journal);
    }

    @Test
    void ofAnUnknownProjectIsNotFound() {
        notFound(given().get("/api/v1/projects/no-such-project/requests").then(), "Project was not found");
        assertTrue(journal.entries("project_requests_list").stream().allMatch(e -> e.status() == 404));
        given().get("/api/v1/projects/sandbox/requests").then().statusCode(200)
                .body("items", hasSize(0)).body("nextOffset", nullValue()).body("items", not(nullValue()));
    }
}
