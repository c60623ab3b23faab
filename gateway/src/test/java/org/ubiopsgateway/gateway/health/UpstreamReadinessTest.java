package org.ubiopsgateway.gateway.health;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.gateway.dev.EmbeddedEmulator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UpstreamReadinessTest {

    private static final String PROJECTS = "/v2\\.1/projects";

    @Inject
    EmbeddedEmulator embedded;

    @BeforeEach
    void reset() {
        embedded.emulator().reset();
    }

    private static final String UBIOPS = "checks.find { it.name == 'ubiops' }";
    private static final String CACHE = "checks.find { it.name == 'cache-invalidation' }";

    @AfterEach
    void heal() {
        embedded.emulator().faults().clear();
    }

    @Test
    void readyWhenUpstreamAnswersWithTheServiceToken() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(UBIOPS + ".status", equalTo("UP"))
                .body(UBIOPS + ".data.url", equalTo(embedded.emulator().baseUrl()))
                .body(UBIOPS + ".data", not(hasKey("projects")));
        assertEquals(1, embedded.emulator().journal().count("projects_list"), "readiness asks upstream once");
    }

    @Test
    void notReadyWhenUpstreamFails() {
        embedded.emulator().faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(UBIOPS + ".data.reason", equalTo("upstream-503"));
    }

    @Test
    void notReadyWhenUpstreamDropsTheConnection() {
        embedded.emulator().faults().add(FaultRule.drop(PROJECTS, 1.0));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body(UBIOPS + ".data.reason", equalTo("unreachable"));
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
        embedded.emulator().faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        assertEquals(0, embedded.emulator().journal().size(), "liveness makes no upstream call");
    }
}
