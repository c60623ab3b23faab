package org.ubiopsgateway.gateway.health;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test profile: a probe's result is reused for 300ms; DOWN after 3 failed probes in a row, UP after 2 good ones. */
@QuarkusTest
class UpstreamReadinessTest {

    private static final String PROJECTS = "/v2\\.1/projects";
    private static final long INTERVAL_MS = 300;

    @Inject
    UbiOpsEmulator emulator;

    private static final String UBIOPS = "checks.find { it.name == 'ubiops' }";
    private static final String CACHE = "checks.find { it.name == 'cache-invalidation' }";

    @AfterEach
    void heal() {
        emulator.faults().clear();
    }

    @Test
    void readyWhenUpstreamAnswersWithTheServiceToken() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(UBIOPS + ".status", equalTo("UP"))
                .body(UBIOPS + ".data.url", equalTo(emulator.baseUrl()))
                .body(UBIOPS + ".data", not(hasKey("projects")));
        assertEquals(1, emulator.journal().count("projects_list"), "readiness asks upstream once");
    }

    @Test
    void notReadyWhenUpstreamFails() {
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN")).body(UBIOPS + ".status", equalTo("DOWN"))
                .body(UBIOPS + ".data.reason", equalTo("upstream-503"));
    }

    @Test
    void notReadyWhenUpstreamDropsTheConnection() {
        emulator.faults().add(FaultRule.drop(PROJECTS, 1.0));
        given().get("/q/health/ready").then().statusCode(503).body(UBIOPS + ".status", equalTo("DOWN"))
                .body(UBIOPS + ".data.reason", equalTo("unreachable"));
    }

    @Test
    void oneFailedProbeDoesNotTakeAReadyGatewayOutOfService() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        // One probe's worth of failures: the attempt and its two retries.
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0).withTimes(3));

        Readiness failed = nextProbe();
        Readiness recovered = nextProbe();

        System.out.printf("[readiness] one failed probe: %s, the next: %s%n", failed, recovered);
        assertEquals(new Readiness(200, "upstream-503", 1), failed, "still UP, the failure reported");
        assertEquals(new Readiness(200, null, 0), recovered);
    }

    @Test
    void downOnlyAfterConsecutiveFailedProbesAndUpAgainAfterHealing() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0));

        List<Readiness> failing = new ArrayList<>();
        do {
            failing.add(nextProbe());
        } while (failing.get(failing.size() - 1).status() == 200 && failing.size() < 10);
        emulator.faults().clear();
        List<Readiness> healing = new ArrayList<>();
        long healed = System.nanoTime();
        do {
            healing.add(nextProbe());
        } while (healing.get(healing.size() - 1).status() == 503 && System.nanoTime() - healed < 10_000_000_000L);

        System.out.printf("[readiness] UbiOps failing: %s; healed: %s, UP after %d ms%n", failing, healing,
                (System.nanoTime() - healed) / 1_000_000);
        assertEquals(List.of(200, 200, 503), failing.stream().map(Readiness::status).toList(),
                "DOWN at the third failed probe in a row");
        assertEquals(200, healing.get(healing.size() - 1).status(), "UP again");
        assertTrue(healing.size() >= 2, "UP only after two good probes: " + healing);
    }

    @Test
    void probesAreReusedBetweenHealthChecks() {
        long started = System.nanoTime();
        int checks = 20;
        for (int i = 0; i < checks; i++) {
            given().get("/q/health/ready").then().statusCode(200);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        int probes = emulator.journal().count("projects_list");
        System.out.printf("[readiness] %d health checks in %d ms made %d upstream calls%n", checks, elapsedMs, probes);
        assertTrue(probes <= elapsedMs / INTERVAL_MS + 1, probes + " probes in " + elapsedMs + " ms");
    }

    @Test
    void withoutRedisCacheInvalidationsAreLocalAndReadinessSaysSo() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(CACHE + ".status", equalTo("UP"))
                .body(CACHE + ".data.redis", equalTo("disabled"))
                .body(CACHE + ".data.invalidations", equalTo("local-only"));
    }

    @Test
    void livenessNeverDependsOnUpstream() {
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(0, emulator.journal().size(), "liveness makes no upstream call");
    }

    /** Waits until the last probe expired, and reads the readiness a fresh probe gives. */
    private Readiness nextProbe() throws InterruptedException {
        Thread.sleep(INTERVAL_MS + 50);
        var body = given().get("/q/health/ready").then().extract();
        Integer failed = body.path(UBIOPS + ".data.failedProbes");
        return new Readiness(body.statusCode(), body.path(UBIOPS + ".data.reason"), failed == null ? 0 : failed);
    }

    record Readiness(int status, String reason, int failedProbes) {
    }
}
