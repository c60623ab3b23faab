package org.ubiopsgateway.emulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latency, injected errors and dropped connections, for the calls a rule matches and only those. */
class FaultInjectionTest extends EmulatorTestBase {

    private static final String PROJECTS = "/v2\\.1/projects";
    @Test
    void latencyDelaysTheAnswer() {
        emulator.faults().add(FaultRule.latency(PROJECTS, Duration.ofMillis(300)));
        long started = System.nanoTime();
        api().get("/projects").then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 280);
    }

    @Test
    void randomLatencyStaysAboveItsMinimum() {
        emulator.faults().add(FaultRule.latency(PROJECTS, Duration.ZERO)
                .withLatency(Duration.ofMillis(150), Duration.ofMillis(250)));
        long started = System.nanoTime();
        api().get("/projects").then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 140);
    }

    @Test
    void delayedCallsDoNotHoldUpOthers() throws InterruptedException {
        emulator.faults().add(FaultRule.latency("/v2\\.1/projects/sandbox", Duration.ofMillis(1500)));
        Thread slow = new Thread(() -> api().get("/projects/sandbox").then().statusCode(200));
        slow.start();
        long started = System.nanoTime();
        api().get("/projects/demo-project").then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 1000, "the event loop stayed free");
        slow.join(); // its answer must not land in the next test's journal
    }

    @Test
    void errorRateOneFailsEveryCall() {
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        for (int i = 0; i < 5; i++) {
            api().get("/projects").then().statusCode(503).body("error", equalTo("Injected fault"));
        }
    }

    @Test
    void errorRateZeroFailsNothing() {
        emulator.faults().add(FaultRule.error(PROJECTS, 500, 0.0));
        api().get("/projects").then().statusCode(200);
    }

    @Test
    void droppedConnectionGetsNoAnswer() throws Exception {
        emulator.faults().add(FaultRule.drop(PROJECTS, 1.0));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/projects"))
                .header("Authorization", "Token " + emulator.token()).timeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        assertTrue(emulator.journal().size() > 0);
        emulator.journal().entries().forEach(e -> assertEquals(0, e.status(), "the journal shows no answer"));
    }

    @Test
    void ruleRetiresAfterItsCount() {
        emulator.faults().add(FaultRule.error(PROJECTS, 500, 1.0).withTimes(2));
        api().get("/projects").then().statusCode(500);
        assertEquals(1, emulator.faults().rules().get(0).times());
        api().get("/projects").then().statusCode(500);
        api().get("/projects").then().statusCode(200);
        assertTrue(emulator.faults().rules().isEmpty());
    }

    @Test
    void methodAndPathNarrowTheRule() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/[^/]+/users", 500, 1.0).withMethod("post"));
        api().get("/projects/demo-project/users").then().statusCode(200);
        api().get("/projects").then().statusCode(200);
        api().contentType("application/json").body("{\"user_id\": \"x\"}").post("/projects/demo-project/users")
                .then().statusCode(500);
    }

    @Test
    void theWholePathMustMatch() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects", 500, 1.0));
        api().get("/projects/demo-project").then().statusCode(200);
        api().get("/projects").then().statusCode(500);
    }

    @Test
    void aDelayedPostKeepsItsBody() {
        emulator.faults().add(FaultRule.latency(PROJECTS, Duration.ofMillis(200)).withMethod("POST"));
        api().contentType("application/json").body("{\"name\": \"late\", \"organization_name\": \"demo-organization\"}")
                .post("/projects").then().statusCode(201).body("name", equalTo("late"));
    }

    @Test
    void aDelayedCallIsDoneAsItArrivesAndOnlyItsAnswerWaits() throws InterruptedException {
        emulator.faults().add(FaultRule.latency(PROJECTS, Duration.ofMillis(2000)).withMethod("POST"));
        Thread slow = new Thread(() -> api().contentType("application/json")
                .body("{\"name\": \"early\", \"organization_name\": \"demo-organization\"}")
                .post("/projects").then().statusCode(201));
        slow.start();
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        int status;
        do {
            status = api().get("/projects/early").statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertEquals(200, status, "the project exists while its creation's answer waits");
        assertTrue(slow.isAlive(), "the creation's answer still waits for its latency");
        slow.join();
    }

    @Test
    void anInjectedErrorWaitsForTheLatency() {
        emulator.faults().add(FaultRule.latency(PROJECTS, Duration.ofMillis(300)));
        emulator.faults().add(FaultRule.error(PROJECTS, 503, 1.0));
        long started = System.nanoTime();
        api().get("/projects").then().statusCode(503).body("error", equalTo("Injected fault"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 280);
    }

    @Test
    void rulesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> FaultRule.error(PROJECTS, 200, 1.0));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.error(PROJECTS, 500, 1.5));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.drop("(unclosed", 1.0));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.drop(PROJECTS, 1.0).withTimes(0));
    }

    @Test
    void resetRemovesFaults() {
        emulator.faults().add(FaultRule.error(PROJECTS, 500, 1.0));
        emulator.reset();
        api().get("/projects").then().statusCode(200);
    }
}
