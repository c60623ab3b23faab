package org.ubiopsgateway.gateway.eventloop;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request stays on the event loop that accepted it, from arrival to answer, its upstream calls and their answers
 * included (docs/request-path.md): every stage of a pass-through and of an overview runs on one thread. Several
 * requests each, so that they arrive on different event loops (Vert.x hands new connections out in turn) and a
 * connection shared between loops would show.
 */
@QuarkusTest
class RequestThreadsTest {

    private static final int REQUESTS = 12;
    private static final String DEPLOYMENT = "/api/v1/projects/demo-project/deployments/image-classifier";
    private static final String UPSTREAM_DEPLOYMENT = "/v2\\.1/projects/demo-project/deployments/image-classifier";

    @Inject
    UbiOpsEmulator emulator;

    /**
     * The first read of a token goes the whole way, through Quarkus REST; the next ones are answered before it
     * (cache.DirectReads), with the same upstream call.
     */
    @Test
    void aPassThroughRunsEveryStageOnTheEventLoopThatAcceptedIt() {
        String token = TestTokens.viewer("demo-project");
        for (int i = 0; i < REQUESTS; i++) {
            ThreadStages.watch("demo-project");
            TestTokens.as(token).get(DEPLOYMENT).then().statusCode(200);
            List<ThreadStages.Stage> stages = ThreadStages.stop();

            assertEquals(i == 0
                    ? List.of("arrival", "Quarkus REST", "upstream call sent", "upstream answer read", "upstream answer handled", "answer")
                    : List.of("arrival", "upstream call sent", "upstream answer read", "upstream answer handled", "answer"),
                    names(stages), i == 0 ? "the whole way, the token's first request" : "a read answered before Quarkus REST");
            assertOneEventLoop(i == 0 ? "pass-through, the whole way" : "pass-through", stages);
        }
    }

    /**
     * A retry starts after its backoff, on the fault-tolerance timer's thread; its attempt still goes out and is
     * answered on the caller's loop, not on that thread or through another loop's client.
     */
    @Test
    void aRetriedPassThroughRunsEveryAttemptOnTheEventLoopThatAcceptedIt() {
        String token = TestTokens.viewer("demo-project");
        TestTokens.as(token).get("/api/v1/projects/demo-project").then().statusCode(200); // the gate knows it now
        // four: each makes one failed call of two, and the test profile's circuit opens at half of ten calls failed
        for (int i = 0; i < 4; i++) {
            emulator.faults().add(FaultRule.error(UPSTREAM_DEPLOYMENT, 503, 1.0).withTimes(1));
            ThreadStages.watch("demo-project");
            TestTokens.as(token).get(DEPLOYMENT).then().statusCode(200);
            List<ThreadStages.Stage> stages = ThreadStages.stop();

            assertEquals(List.of("arrival", "upstream call sent", "upstream answer read", "upstream answer handled",
                    "upstream call sent", "upstream answer read", "upstream answer handled", "answer"),
                    names(stages), "a failed attempt, then the answer");
            assertOneEventLoop("retried pass-through", stages);
        }
    }

    @Test
    void anOverviewRunsEveryStageOfBothRoundsOnTheEventLoopThatAcceptedIt() {
        for (int i = 0; i < REQUESTS; i++) {
            ThreadStages.watch("demo-project");
            given().get("/api/v1/projects/demo-project/overview").then().statusCode(200);
            List<ThreadStages.Stage> stages = ThreadStages.stop();

            long calls = stages.stream().filter(s -> s.name().equals("upstream call sent")).count();
            assertTrue(calls >= 9, "the overview's two rounds of upstream calls were recorded: " + calls);
            assertTrue(stages.stream().anyMatch(s -> s.path().endsWith("/versions")), "the second round was recorded");
            assertOneEventLoop("overview", stages);
        }
    }

    /**
     * A cache hit whose answer is a cached entry as it is never reaches Quarkus REST (cache.CachedAnswers): once the
     * first read has answered the whole way, the next ones pass none of its filters. They are answered on the event
     * loop that read them, as any Vert.x route is.
     */
    @Test
    void aRepeatedCachedReadIsAnsweredBeforeQuarkusRest() {
        String path = "/api/v1/projects/demo-project/instance-types";
        ThreadStages.watch("demo-project");
        given().get(path).then().statusCode(200);
        // the whole way or, for a token the gate knows already, before Quarkus REST (cache.DirectReads)
        assertEquals(List.of("arrival", "upstream call sent", "upstream answer read", "upstream answer handled", "answer"),
                names(ThreadStages.stop()).stream().filter(n -> !n.equals("Quarkus REST")).toList(), "the first read");

        for (int i = 0; i < REQUESTS; i++) {
            ThreadStages.watch("demo-project");
            given().get(path).then().statusCode(200).header("X-Cache", "HIT");
            List<ThreadStages.Stage> stages = ThreadStages.stop();
            assertEquals(List.of("arrival", "answer"), names(stages), "a repeated read: not through Quarkus REST, no upstream call");
            assertOneEventLoop("cache hit", stages);
        }
    }

    private static List<String> names(List<ThreadStages.Stage> stages) {
        return stages.stream().map(ThreadStages.Stage::name).toList();
    }

    /** Every stage on one event-loop thread, the reading of every upstream answer off its connection included. */
    private static void assertOneEventLoop(String what, List<ThreadStages.Stage> stages) {
        Map<String, List<String>> byThread = new TreeMap<>(stages.stream().collect(Collectors.groupingBy(
                ThreadStages.Stage::thread, Collectors.mapping(s -> s.name() + " " + s.path(), Collectors.toList()))));
        System.out.printf("[threads] %s: %d stages on %s%n", what, stages.size(), byThread.keySet());
        assertEquals(1, byThread.size(), what + ": every stage on one thread, saw " + byThread);
        assertTrue(byThread.keySet().iterator().next().contains("eventloop"),
                what + " runs on an event loop: " + byThread.keySet());
    }
}
