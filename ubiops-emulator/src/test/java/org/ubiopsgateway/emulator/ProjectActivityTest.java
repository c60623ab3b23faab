package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit events, requests and logs of a project: filters, paging, ordering and validation. */
class ProjectActivityTest extends EmulatorTestBase {

    /** Requests under the demo project. */
    private static RequestSpecification project() {
        return api().basePath("/projects/demo-project");
    }

    private static String json(Object value) {
        return io.vertx.core.json.Json.encode(value);
    }

    @Test
    void auditIsNewestFirstAndPaged() {
        List<String> dates = project().get("/audit").then().statusCode(200).extract().path("date");
        assertTrue(dates.size() > 5);
        assertEquals(dates.stream().sorted(Comparator.reverseOrder()).toList(), dates);
        List<String> ids = project().get("/audit").then().extract().path("id");
        project().queryParam("limit", 2).queryParam("offset", 1).get("/audit").then().statusCode(200)
                .body("id", equalTo(ids.subList(1, 3)));
        project().queryParam("offset", 1000).get("/audit").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void auditFiltersOnAction() {
        project().queryParam("action", "delete").get("/audit").then().statusCode(200)
                .body("action", everyItem(equalTo("delete"))).body("", hasSize(1));
        project().queryParam("action", "info").get("/audit").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void auditRejectsUnknownActionsAndBadPaging() {
        project().queryParam("action", "rename").get("/audit").then().statusCode(400).body("error", notNullValue());
        project().queryParam("limit", "many").get("/audit").then().statusCode(400);
        project().queryParam("offset", -1).get("/audit").then().statusCode(400);
    }

    @Test
    void auditDefaultsToFiftyEvents() {
        for (int i = 0; i < 50; i++) {
            project().body(json(Map.of("credits", i))).patch("").then().statusCode(200);
        }
        project().get("/audit").then().body("", hasSize(50));
        project().queryParam("limit", 100).get("/audit").then().body("size()", org.hamcrest.Matchers.greaterThan(50));
    }

    @Test
    void requestsNeedAValidObjectType() {
        project().get("/requests").then().statusCode(400).body("error", equalTo("object_type: This field is required."));
        project().queryParam("object_type", "model").get("/requests").then().statusCode(400);
    }

    @Test
    void requestsOfDeploymentsAndPipelinesAreSeparate() {
        project().queryParam("object_type", "deployment").queryParam("limit", 500).get("/requests").then().statusCode(200)
                .body("deployment", everyItem(notNullValue())).body("pipeline", everyItem(nullValue()))
                .body("", hasSize(40))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("request_schedule")));
        project().queryParam("object_type", "pipeline").get("/requests").then().statusCode(200)
                .body("pipeline", everyItem(equalTo("preprocess-and-classify"))).body("", hasSize(4));
    }

    @Test
    void requestsFilterOnStatusAndSuccess() {
        project().queryParam("object_type", "deployment").queryParam("status", "completed").queryParam("limit", 500)
                .get("/requests").then().statusCode(200)
                .body("status", everyItem(equalTo("completed"))).body("success", everyItem(equalTo(true)));
        project().queryParam("object_type", "deployment").queryParam("success", "false").queryParam("limit", 500)
                .get("/requests").then().statusCode(200).body("success", everyItem(equalTo(false)));
        project().queryParam("object_type", "deployment").queryParam("status", "done").get("/requests").then().statusCode(400);
        project().queryParam("object_type", "deployment").queryParam("success", "maybe").get("/requests").then().statusCode(400);
        project().queryParam("object_type", "deployment").queryParam("pipeline", "perhaps").get("/requests").then().statusCode(400);
    }

    @Test
    void requestsSortPageAndDefaultToFiftyNewestFirst() {
        List<String> desc = project().queryParam("object_type", "deployment").get("/requests").then().statusCode(200)
                .extract().path("time_created");
        assertEquals(40, desc.size());
        assertEquals(desc.stream().sorted(Comparator.reverseOrder()).toList(), desc);
        List<String> asc = project().queryParam("object_type", "deployment").queryParam("sort", "asc")
                .queryParam("limit", 5).queryParam("offset", 2).get("/requests").then().extract().path("time_created");
        assertEquals(desc.stream().sorted().toList().subList(2, 7), asc);
        project().queryParam("object_type", "deployment").queryParam("sort", "up").get("/requests").then().statusCode(400);
    }

    @Test
    void requestsFilterOnDatesSearchIdScheduleAndPipelineOrigin() {
        List<String> ids = project().queryParam("object_type", "deployment").get("/requests").then().extract().path("id");
        String fragment = ids.get(3).substring(9, 18);
        project().queryParam("object_type", "deployment").queryParam("search_id", fragment).get("/requests").then()
                .body("id", org.hamcrest.Matchers.hasItem(ids.get(3)))
                .body("id", everyItem(org.hamcrest.Matchers.containsString(fragment)));

        String cutoff = Instant.now().minusSeconds(3 * 3600).toString();
        List<String> recent = project().queryParam("object_type", "deployment").queryParam("start_date", cutoff)
                .get("/requests").then().statusCode(200).extract().path("time_created");
        assertFalse(recent.isEmpty());
        assertTrue(recent.size() < 40);
        recent.forEach(t -> assertFalse(Instant.parse(t).isBefore(Instant.parse(cutoff))));
        List<String> older = project().queryParam("object_type", "deployment").queryParam("end_date", cutoff)
                .get("/requests").then().extract().path("time_created");
        assertEquals(40, recent.size() + older.size());
        project().queryParam("object_type", "deployment").queryParam("start_date", "soon").get("/requests").then().statusCode(400);

        project().queryParam("object_type", "deployment").queryParam("request_schedule", "nightly-batch").get("/requests")
                .then().body("", hasSize(8));
        project().queryParam("object_type", "deployment").queryParam("pipeline", "true").get("/requests")
                .then().body("", hasSize(10));
    }

    @Test
    void logsDefaultToTheLastSixHoursOldestFirst() {
        List<String> dates = project().post("/logs").then().statusCode(200).extract().path("date");
        assertFalse(dates.isEmpty());
        assertTrue(dates.size() <= 50);
        assertEquals(dates.stream().sorted().toList(), dates);
        Instant sixHoursAgo = Instant.now().minusSeconds(21600);
        dates.forEach(d -> assertTrue(Instant.parse(d).isAfter(sixHoursAgo)));
        project().post("/logs").then().body("id", everyItem(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{24}")));
    }

    @Test
    void logsFilterOnDeploymentVersionAndLevel() {
        project().body(json(Map.of("filters", Map.of("deployment_name", "churn-model", "deployment_version", "v1"))))
                .post("/logs").then().statusCode(200)
                .body("deployment_name", everyItem(equalTo("churn-model")))
                .body("deployment_version", everyItem(equalTo("v1")));
        project().body(json(Map.of("filters", Map.of("level", "error")))).post("/logs").then().statusCode(200)
                .body("level", everyItem(equalTo("error")));
        project().body(json(Map.of("filters", Map.of("system", true)))).post("/logs").then().statusCode(200)
                .body("system", everyItem(equalTo(true)));
        project().body(json(Map.of("filters", Map.of("pipeline_name", "preprocess-and-classify", "pipeline_version", "v1",
                        "pipeline_object_name", "image-classifier-v1-object"))))
                .post("/logs").then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void logFiltersNeedTheirParents() {
        project().body(json(Map.of("filters", Map.of("deployment_version", "v1")))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("filters", Map.of("pipeline_version", "v1")))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("filters", Map.of("pipeline_name", "p", "pipeline_object_name", "o"))))
                .post("/logs").then().statusCode(400);
        project().body(json(Map.of("filters", Map.of("colour", "blue")))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("filters", Map.of("level", "debug")))).post("/logs").then().statusCode(400);
    }

    @Test
    void logLimitAndRangeAreBounded() {
        project().body(json(Map.of("limit", 3))).post("/logs").then().statusCode(200).body("", hasSize(3));
        project().body(json(Map.of("limit", 500))).post("/logs").then().statusCode(200);
        project().body(json(Map.of("limit", 501))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("date_range", -86400))).post("/logs").then().statusCode(200);
        project().body(json(Map.of("date_range", 86401))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("date", "last tuesday"))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("id", "not-a-log-id"))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("id", "0123456789abcdef01234567"))).post("/logs").then().statusCode(404);
    }

    @Test
    void logsCountFromAnIdOrADateInEitherDirection() {
        List<Map<String, Object>> all = project().body(json(Map.of("limit", 500, "date_range", -86400))).post("/logs")
                .then().extract().path("");
        Map<String, Object> middle = all.get(all.size() / 2);
        Instant at = Instant.parse((String) middle.get("date"));

        List<String> forward = project().body(json(Map.of("id", middle.get("id"), "date_range", 3600, "limit", 500)))
                .post("/logs").then().statusCode(200).extract().path("date");
        assertEquals(middle.get("date"), forward.get(0));
        forward.forEach(d -> assertFalse(Instant.parse(d).isBefore(at)));

        List<String> backward = project().body(json(Map.of("date", at.toString(), "date_range", -3600, "limit", 2)))
                .post("/logs").then().statusCode(200).extract().path("date");
        assertEquals(2, backward.size());
        assertEquals(middle.get("date"), backward.get(1), "towards the past, the nearest lines come, oldest first");

        project().body(json(Map.of("id", middle.get("id"), "date", at.toString()))).post("/logs").then().statusCode(400);
        project().body(json(Map.of("date", "2001-01-01T00:00:00Z"))).post("/logs").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void logsOfAnUnknownProjectAreNotFound() {
        RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token " + emulator.token())
                .post("/projects/missing/logs").then().statusCode(404);
        assertTrue(emulator.onLoop(() -> emulator.store().project("demo-project").logs.stream()
                .allMatch(l -> l.getString("id").length() == 24)));
        assertTrue(emulator.onLoop(() -> emulator.store().project("demo-project").logs.size()) >= 30);
        JsonObject any = emulator.onLoop(() -> emulator.store().project("demo-project").logs.get(0));
        assertTrue(any.containsKey("log"));
    }

    @Test
    void requestsLimitIsRespected() {
        project().queryParam("object_type", "deployment").queryParam("limit", 3).get("/requests").then()
                .body("", hasSize(3));
    }
}
