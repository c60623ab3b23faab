package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control endpoints under /emulator, over HTTP. */
class ControlRoutesTest extends EmulatorTestBase {

    private static RequestSpecification control() {
        return RestAssured.given().baseUri(emulator.controlUrl()).contentType(ContentType.JSON);
    }

    @Test
    void healthIsUp() {
        control().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theTraceSinkAcceptsAndCountsOtlpBatchesLargerThanControlBodies() {
        byte[] batch = new byte[200 * 1024]; // past the 64 KB limit of the other control routes
        RestAssured.given().baseUri(emulator.controlUrl()).contentType("application/x-protobuf").body(batch)
                .post("/otlp/v1/traces").then().statusCode(200).contentType("application/x-protobuf");
        control().get("/otlp").then().statusCode(200)
                .body("trace_batches", equalTo(1)).body("bytes", equalTo(batch.length));
        assertEquals(0, emulator.journal().size(), "not an API call");

        emulator.reset();
        control().get("/otlp").then().body("trace_batches", equalTo(0));
    }

    @Test
    void journalIsReadableAndClearable() {
        api().get("/projects").then().statusCode(200);
        control().get("/journal").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].operation", equalTo("projects_list"))
                .body("[0].status", equalTo(200))
                .body("[0].method", equalTo("GET"))
                .body("[0].path", equalTo("/v2.1/projects"));
        control().delete("/journal").then().statusCode(204);
        control().get("/journal").then().body("", hasSize(0));
    }

    @Test
    void faultsCanBeAddedListedAndCleared() {
        control().body("{\"path_pattern\": \"/v2\\\\.1/projects\", \"error_status\": 502, \"error_rate\": 1, \"times\": 3}")
                .post("/faults").then().statusCode(201).body("error_status", equalTo(502)).body("times", equalTo(3));
        api().get("/projects").then().statusCode(502);
        control().get("/faults").then().statusCode(200).body("", hasSize(1)).body("[0].times", equalTo(2));
        control().delete("/faults").then().statusCode(204);
        api().get("/projects").then().statusCode(200);
        control().get("/faults").then().body("", hasSize(0));
    }

    @Test
    void latencyCanBeAddedOverHttp() {
        control().body("{\"path_pattern\": \".*\", \"min_latency_ms\": 200}").post("/faults").then().statusCode(201)
                .body("max_latency_ms", equalTo(200));
        long started = System.nanoTime();
        api().get("/projects").then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 180);
    }

    @Test
    void badFaultsAreRefused() {
        control().body("{\"error_rate\": 1}").post("/faults").then().statusCode(400);
        control().body("{\"path_pattern\": \"x\", \"error_rate\": 3}").post("/faults").then().statusCode(400);
        control().body("not json").post("/faults").then().statusCode(400);
        control().body("{\"path_pattern\": \"x\", \"times\": \"often\"}").post("/faults").then().statusCode(400);
        assertEquals(0, emulator.faults().rules().size());
    }

    @Test
    void rateLimitsCanBeSwitchedAndBudgeted() {
        control().get("/rate-limits").then().statusCode(200).body("enabled", equalTo(false))
                .body("limits.general", equalTo(300)).body("limits.user", equalTo(30));
        control().body("{\"enabled\": true, \"limits\": {\"general\": 1}}").put("/rate-limits").then().statusCode(200)
                .body("enabled", equalTo(true)).body("limits.general", equalTo(1)).body("limits.requests", equalTo(300));
        api().get("/projects").then().statusCode(200);
        api().get("/projects").then().statusCode(429);
        control().body("{\"limits\": {\"bogus\": 1}}").put("/rate-limits").then().statusCode(400);
        control().body("{\"limits\": {\"general\": -1}}").put("/rate-limits").then().statusCode(400);
        control().body("{\"enabled\": false}").put("/rate-limits").then().statusCode(200).body("limits.general", equalTo(1));
        api().get("/projects").then().statusCode(200);
    }

    @Test
    void resetRestoresTheSeed() {
        api().delete("/projects/sandbox").then().statusCode(204);
        control().post("/reset").then().statusCode(204);
        api().get("/projects/sandbox").then().statusCode(200);
        assertEquals(1, emulator.journal().size(), "the journal restarts empty at reset");
    }
}
