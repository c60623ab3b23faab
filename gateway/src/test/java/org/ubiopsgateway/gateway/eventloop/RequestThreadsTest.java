package org.ubiopsgateway.gateway.eventloop;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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

    @Test
    void aPassThroughRunsEveryStageOnTheEventLoopThatAcceptedIt() {
        for (int i = 0; i < REQUESTS; i++) {
            ThreadStages.watch("demo-project");
            given().get("/api/v1/projects/demo-project/deployments/image-classifier").then().statusCode(200);
            List<ThreadStages.Stage> stages = ThreadStages.stop();

            assertEquals(List.of("arrival", "upstream call sent", "upstream answer read", "upstream answer handled",
                    "answer"), stages.stream().map(ThreadStages.Stage::name).toList(), "the stages of a pass-through");
            assertOneEventLoop("pass-through", stages);
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
     * Every stage on one event-loop thread. The thread that read an upstream answer off its connection is printed but
     * not held to it: run alone, this test sees every answer read on the caller's loop; after other test classes, some
     * connections of a loop's client live on another loop (docs/request-path.md, what remains).
     */
    private static void assertOneEventLoop(String what, List<ThreadStages.Stage> stages) {
        long readElsewhere = stages.stream()
                .filter(s -> s.name().equals("upstream answer read") && s.thread().startsWith("another")).count();
        List<ThreadStages.Stage> held = stages.stream().filter(s -> !s.name().equals("upstream answer read")).toList();
        Map<String, List<String>> byThread = new TreeMap<>(held.stream().collect(Collectors.groupingBy(
                ThreadStages.Stage::thread, Collectors.mapping(s -> s.name() + " " + s.path(), Collectors.toList()))));
        System.out.printf("[threads] %s: %d stages on %s; upstream answers read on another event loop: %d%n", what,
                held.size(), byThread.keySet(), readElsewhere);
        assertEquals(1, byThread.size(), what + ": every stage on one thread, saw " + byThread);
        assertTrue(byThread.keySet().iterator().next().contains("eventloop"),
                what + " runs on an event loop: " + byThread.keySet());
    }
}
