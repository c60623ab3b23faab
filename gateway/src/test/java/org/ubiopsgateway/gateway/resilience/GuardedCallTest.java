package org.ubiopsgateway.gateway.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.wire.ProjectCreate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a guarded client sends its call, and what it counts: through the clients the services use (the guard's
 * proxy), against the emulator, whose journal shows what reached UbiOps.
 */
@QuarkusTest
class GuardedCallTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Far longer than one call to the embedded emulator takes, even on a busy machine. */
    private static final Duration ASSEMBLED_FOR = Duration.ofSeconds(3);

    @Inject
    UbiOpsProjects projects;

    @Inject
    Journal journal;

    @Inject
    MeterRegistry registry;

    @Test
    void aCallGoesOutWhenSubscribedToOncePerSubscriptionNeverWhenOnlyAssembled() {
        double timedReads = timed("getProject");
        double timedCreates = timed("createProject");

        Uni<?> read = projects.getProject("demo-project"); // retried when it fails
        Uni<?> create = projects.createProject(ProjectCreate.of("never-made", "no-such-organization")); // never retried
        assertEquals(0, journal.count("projects_get") + journal.count("projects_create"), "nothing sent yet");

        read.await().atMost(WAIT);
        read.await().atMost(WAIT);
        assertThrows(UpstreamException.class, () -> create.await().atMost(WAIT));
        assertThrows(UpstreamException.class, () -> create.await().atMost(WAIT));

        assertEquals(2, journal.count("projects_get"), "one call per subscription");
        assertEquals(2, journal.count("projects_create"), "one call per subscription");
        assertEquals(timedReads + 2, timed("getProject"), "every attempt timed once");
        assertEquals(timedCreates + 2, timed("createProject"), "every attempt timed once");
    }

    @Test
    void anAttemptIsTimedFromItsStartNotFromItsAssembly() throws InterruptedException {
        Timer creates = registry.timer("gateway.upstream.calls", "operation", "createProject", "outcome", "client-error");
        double before = creates.totalTime(TimeUnit.MILLISECONDS);

        Uni<?> create = projects.createProject(ProjectCreate.of("never-made", "no-such-organization"));
        Thread.sleep(ASSEMBLED_FOR.toMillis());
        assertThrows(UpstreamException.class, () -> create.await().atMost(WAIT));

        double timed = creates.totalTime(TimeUnit.MILLISECONDS) - before;
        assertTrue(timed > 0 && timed < ASSEMBLED_FOR.toMillis(),
                "the attempt's time, not the time since its Uni was built: " + timed + " ms");
    }

    @Test
    void theGatewaysOwnCallMetricsStandInForFaultTolerancesPerCallMetrics() {
        given().get("/api/v1/projects/demo-project").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_upstream_calls_seconds_count{"), "attempts by operation and outcome");
        assertTrue(metrics.contains("gateway_circuit_state{"), "each circuit's state");
        assertFalse(metrics.lines().anyMatch(line -> line.startsWith("ft_")),
                "SmallRye Fault Tolerance's own ft_* series are off (quarkus.fault-tolerance.metrics.enabled)");
    }

    private static double timed(String operation) {
        return Scrape.sum("gateway_upstream_calls_seconds_count", "operation=\"" + operation + "\"");
    }
}
