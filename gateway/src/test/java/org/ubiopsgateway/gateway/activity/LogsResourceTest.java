package org.ubiopsgateway.gateway.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.projects.Problems.notFound;
import static org.ubiopsgateway.gateway.projects.Problems.rejected;

/** GET /api/v1/projects/{project}/logs: the search, its paging by cursor, and upstream's rules checked at the edge. */
@QuarkusTest
class LogsResourceTest {

    private static final String LOGS = "/api/v1/projects/demo-project/logs";
    /** Every seeded log line lies within the last day. */
    private static final int SEEDED = 37;
    private static final String DAY_BACK = "-86400";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void newestLinesFirstByDefaultWithAPointerToMore() {
        JsonPath page = given().queryParam("limit", 5).get(LOGS).then().statusCode(200)
                .body("items", hasSize(5))
                .body("limit", equalTo(5))
                .body("$", not(hasKey("offset")))
                .body("$", not(hasKey("nextOffset")))
                .body("items[0].text", equalTo("[Info] Deployment call result (success): 0.2316"))
                .body("items[0].pipelineObject", equalTo("image-classifier-v1-object"))
                .body("items[0].id", matchesPattern("^[0-9a-f]{24}$"))
                .body("items[0].deployment_name", nullValue())
                .extract().jsonPath();
        assertDescending(page.getList("items.date"));
        assertEquals(page.getString("items[4].id"), page.getString("nextSinceId"), "the cursor is the last line");
        assertEquals(1, journal.count("projects_log_list"));
    }

    @Test
    void followingSinceIdOfTheLastItemWalksEveryLineOnceBackInTime() {
        List<String> ids = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 10).queryParam("range", DAY_BACK);
            if (cursor != null) {
                request.queryParam("sinceId", cursor);
            }
            JsonPath page = request.get(LOGS).then().statusCode(200).extract().jsonPath();
            List<String> pageIds = page.getList("items.id");
            ids.addAll(pageIds);
            dates.addAll(page.getList("items.date"));
            cursor = page.getString("nextSinceId");
            pages++;
        } while (cursor != null);
        assertEquals(4, pages);
        assertEquals(SEEDED, ids.size(), "each line once: " + ids);
        assertEquals(SEEDED, new HashSet<>(ids).size());
        assertDescending(dates);
        assertEquals(4, journal.count("projects_log_list"));
    }

    @Test
    void aPositiveRangeReadsForwardOldestFirst() {
        List<String> all = given().queryParam("limit", 500).queryParam("range", DAY_BACK).get(LOGS)
                .then().statusCode(200).body("nextSinceId", nullValue()).extract().jsonPath().getList("items.date");
        assertEquals(SEEDED, all.size());
        String oldest = all.get(all.size() - 1);
        JsonPath first = given().queryParam("since", oldest).queryParam("range", 86400).queryParam("limit", 20)
                .get(LOGS).then().statusCode(200)
                .body("items", hasSize(20)).extract().jsonPath();
        assertEquals(oldest, first.getString("items[0].date"));
        assertAscending(first.getList("items.date"));
        List<String> firstIds = first.getList("items.id");
        assertEquals(firstIds.get(19), first.getString("nextSinceId"));
        given().queryParam("sinceId", firstIds.get(19)).queryParam("range", 86400).queryParam("limit", 20)
                .get(LOGS).then().statusCode(200)
                .body("items", hasSize(SEEDED - 20))
                .body("nextSinceId", nullValue())
                .body("items.id", everyItem(org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(firstIds))));
    }

    @Test
    void filtersNarrowTheSearch() {
        given().queryParam("deployment", "image-classifier").queryParam("version", "v1").queryParam("range", DAY_BACK)
                .get(LOGS).then().statusCode(200)
                .body("items.deployment", everyItem(equalTo("image-classifier")))
                .body("items.version", everyItem(equalTo("v1")));
        given().queryParam("level", "error").queryParam("range", DAY_BACK).get(LOGS).then().statusCode(200)
                .body("items.level", everyItem(equalTo("error")))
                .body("items.text", everyItem(matchesPattern("^\\[Error].*")));
        given().queryParam("system", "true").queryParam("range", DAY_BACK).get(LOGS).then().statusCode(200)
                .body("items.system", everyItem(equalTo(true)));
        given().queryParam("pipeline", "preprocess-and-classify").queryParam("pipelineVersion", "v1")
                .queryParam("pipelineObject", "image-classifier-v1-object").get(LOGS).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].pipeline", equalTo("preprocess-and-classify"));
    }

    @Test
    void aFilterWithoutTheOneItNeedsIsRefusedBeforeUpstream() {
        rejected(given().queryParam("version", "v1").get(LOGS).then(), "version", journal)
                .body("violations[0].message", equalTo("can only be given together with deployment"));
        rejected(given().queryParam("pipelineVersion", "v1").get(LOGS).then(), "pipelineVersion", journal);
        rejected(given().queryParam("pipeline", "preprocess-and-classify").queryParam("pipelineObject", "x")
                .get(LOGS).then(), "pipelineObject", journal);
        rejected(given().queryParam("pipelineVersion", "v1").queryParam("pipelineObject", "x")
                .get(LOGS).then(), "pipelineVersion", journal);
    }

    @Test
    void sinceAndSinceIdTogetherAreRefused() {
        rejected(given().queryParam("since", "2024-01-01T00:00:00Z").queryParam("sinceId", "5dcad12ba76a2c6e4331f180")
                .get(LOGS).then(), "sinceId", journal);
    }

    @Test
    void valuesOutOfUpstreamsBoundsAreRefused() {
        for (Map.Entry<String, String> bad : Map.of("limit", "501", "range", "86401").entrySet()) {
            rejected(given().queryParam(bad.getKey(), bad.getValue()).get(LOGS).then(), bad.getKey(), journal);
        }
        rejected(given().queryParam("limit", 0).get(LOGS).then(), "limit", journal);
        rejected(given().queryParam("range", -86401).get(LOGS).then(), "range", journal);
        rejected(given().queryParam("level", "warning").get(LOGS).then(), "level", journal)
                .body("violations[0].message", equalTo("must be one of: info, error"));
        rejected(given().queryParam("sinceId", "5DCAD12B").get(LOGS).then(), "sinceId", journal);
        rejected(given().queryParam("since", "last tuesday").get(LOGS).then(), "since", journal);
        rejected(given().queryParam("revision", "r1").get(LOGS).then(), "revision", journal);
        rejected(given().queryParam("system", "sometimes").get(LOGS).then(), "system", journal);
    }

    @Test
    void theLargestLimitAndRangeAreAccepted() {
        given().queryParam("limit", 500).queryParam("range", 86400).queryParam("since", "2000-01-01")
                .get(LOGS).then().statusCode(200).body("items", hasSize(0)).body("nextSinceId", nullValue());
    }

    @Test
    void anUnknownCursorLineIsNotFound() {
        notFound(given().queryParam("sinceId", "000000000000000000000000").get(LOGS).then(), "Log was not found");
    }

    @Test
    void ofAnUnknownProjectIsNotFound() {
        notFound(given().get("/api/v1/projects/no-such-project/logs").then(), "Project was not found");
    }

    private static void assertDescending(List<String> dates) {
        for (int i = 1; i < dates.size(); i++) {
            assertFalse(Instant.parse(dates.get(i - 1)).isBefore(Instant.parse(dates.get(i))), dates.toString());
        }
    }

    private static void assertAscending(List<String> dates) {
        for (int i = 1; i < dates.size(); i++) {
            assertTrue(!Instant.parse(dates.get(i - 1)).isAfter(Instant.parse(dates.get(i))), dates.toString());
        }
    }
}
