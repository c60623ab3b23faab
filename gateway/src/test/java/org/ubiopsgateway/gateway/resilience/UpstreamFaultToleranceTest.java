package org.ubiopsgateway.gateway.resilience;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.JournalEntry;
import org.ubiopsgateway.emulator.RateLimits;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.projects.Problems.problem;

/**
 * Retries, circuit breaker, bulkhead and UbiOps's rate limit, seen from outside: the gateway's answers, and in the
 * emulator's journal what reached UbiOps. Test-profile policies: 2 retries 10ms doubling to 40ms (±5ms), circuit
 * opening at 50% failures of 10 calls for 2s, 32 calls in flight + 32 queued per endpoint group.
 */
@QuarkusTest
class UpstreamFaultToleranceTest {

    private static final String PROJECT = "/api/v1/projects/demo-project";
    private static final String UPSTREAM_PROJECT = "/v2\\.1/projects/demo-project";
    private static final String PROBLEM = "urn:ubiops-gateway:problem:";
    private static final long CIRCUIT_DELAY_MS = 2000;

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void readsAreRetriedAfterServerErrorsAndDroppedConnections() {
        emulator.faults().add(FaultRule.error(UPSTREAM_PROJECT, 503, 1.0).withMethod("GET").withTimes(2));
        given().get(PROJECT).then().statusCode(200).body("name", equalTo("demo-project"));

        emulator.faults().add(FaultRule.drop(UPSTREAM_PROJECT + "/users", 1.0).withTimes(1));
        given().get(PROJECT + "/users").then().statusCode(200);

        System.out.printf("[resilience] GET after two 503s: upstream statuses %s; after a dropped connection: %s%n",
                statuses("GET", UPSTREAM_PROJECT), statuses("GET", UPSTREAM_PROJECT + "/users"));
        assertEquals(List.of(503, 503, 200), statuses("GET", UPSTREAM_PROJECT), "two failed attempts, then the answer");
        assertEquals(List.of(0, 200), statuses("GET", UPSTREAM_PROJECT + "/users"), "no answer, then the answer");
    }

    @Test
    void createsAndUploadsAreNeverRetried() {
        emulator.faults().add(FaultRule.error(UPSTREAM_PROJECT + "/.*", 503, 1.0).withMethod("POST").withTimes(2));

        problem(given().contentType(ContentType.JSON)
                .body("{\"name\": \"scorer\", \"inputType\": \"plain\", \"outputType\": \"plain\"}")
                .post(PROJECT + "/deployments").then(), 502);
        problem(given().multiPart("file", "model.zip", new byte[] {1, 2, 3}, "application/zip")
                .post(PROJECT + "/deployments/text-summarizer/versions/v1/revisions").then(), 502);

        System.out.printf("[resilience] POST create and upload after a 503: upstream statuses %s and %s%n",
                statuses("POST", UPSTREAM_PROJECT + "/deployments"), statuses("POST", UPSTREAM_PROJECT + "/.*/revisions"));
        assertEquals(List.of(503), statuses("POST", UPSTREAM_PROJECT + "/deployments"), "a create is tried once");
        assertEquals(List.of(503), statuses("POST", UPSTREAM_PROJECT + "/.*/revisions"), "an upload is tried once");
    }

    @Test
    void retriesStopAfterTheConfiguredAttemptsWithBoundedBackoff() {
        emulator.faults().add(FaultRule.error(UPSTREAM_PROJECT, 503, 1.0).withMethod("GET"));

        long started = System.nanoTime();
        problem(given().get(PROJECT).then(), 502).body("type", equalTo(PROBLEM + "upstream-failed"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        List<JournalEntry> attempts = calls("GET", UPSTREAM_PROJECT);
        List<Long> pauses = IntStream.range(1, attempts.size())
                .mapToObj(i -> attempts.get(i).timestampMillis() - attempts.get(i - 1).timestampMillis()).toList();
        System.out.printf("[resilience] GET against a failing UbiOps: %d attempts, pauses %s ms, answered in %d ms%n",
                attempts.size(), pauses, tookMs);
        assertEquals(3, attempts.size(), "one attempt and two retries");
        // Backoff is 10ms then 20ms (max 40ms) with ±5ms jitter: generous bounds, for a slow machine.
        pauses.forEach(pause -> assertTrue(pause < 1000, "pause " + pause + " ms"));
    }

    @Test
    void answersAboutTheRequestAndRateLimitsAreNotRetried() {
        problem(given().get("/api/v1/projects/no-such-project").then(), 404);
        assertEquals(List.of(404), statuses("GET", "/v2\\.1/projects/no-such-project"));

        emulator.faults().add(FaultRule.error("/v2\\.1/projects/sandbox", 429, 1.0).withTimes(1));
        problem(given().get("/api/v1/projects/sandbox").then(), 503)
                .body("type", equalTo(PROBLEM + "upstream-rate-limited"))
                .header("Retry-After", equalTo("60"));
        System.out.printf("[resilience] GET answered 404, then 429: upstream statuses %s%n", statuses("GET", ".*"));
        assertEquals(List.of(404, 429), statuses("GET", ".*"), "never retried into a 429");
    }

    @Test
    void upstreamRateLimitIsHonouredWithoutFurtherCalls() {
        RateLimits limits = emulator.rateLimits();
        limits.setLimit(RateLimits.Group.GENERAL, 3);
        limits.setEnabled(true);

        List<Integer> answers = new ArrayList<>();
        List<String> retryAfter = new ArrayList<>();
        // Five different reads, so that none is answered from a cache.
        for (String read : List.of(PROJECT + "/users", "/api/v1/projects/sandbox/users", PROJECT + "/deployments",
                "/api/v1/projects/sandbox/deployments", PROJECT + "/environment-variables")) {
            Response answer = given().get(read);
            answers.add(answer.statusCode());
            retryAfter.add(answer.header("Retry-After"));
        }

        List<Integer> upstream = journal.entries().stream().map(JournalEntry::status).toList();
        System.out.printf("[resilience] UbiOps allowing 3 calls/min: gateway answered %s (Retry-After %s), "
                + "upstream answered %s%n", answers, retryAfter, upstream);
        assertEquals(List.of(200, 200, 200, 503, 503), answers);
        assertEquals(List.of(200, 200, 200), upstream, "x-ratelimit-remaining: 0 stops the calls before UbiOps says 429");
        int seconds = Integer.parseInt(retryAfter.get(3));
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After from x-ratelimit-reset: " + seconds);
        assertTrue(Scrape.sum("gateway_rate_limited_total", "scope=\"upstream\"") >= 2);
    }

    @Test
    void circuitOpensAfterSustainedFailuresAnswers503WithRetryAfterAndClosesWhenUpstreamHeals() throws Exception {
        emulator.faults().add(FaultRule.error(UPSTREAM_PROJECT + "(/.*)?", 503, 1.0));

        int requests = 0;
        Response answer;
        do {
            answer = given().get(PROJECT);
            requests++;
        } while (answer.statusCode() == 502 && requests < 20);
        int upstreamCalls = journal.size();
        long opened = journal.entries().get(upstreamCalls - 1).timestampMillis();
        problem(answer.then(), 503).body("type", equalTo(PROBLEM + "upstream-circuit-open"));
        long retryAfter = Long.parseLong(answer.header("Retry-After"));

        // While open, nothing reaches UbiOps, and mutations of the group are refused alike.
        problem(given().get(PROJECT).then(), 503).header("Retry-After", notNullValue());
        problem(given().delete(PROJECT + "/environment-variables/00000000-0000-4000-8000-000000000000").then(), 503)
                .body("type", equalTo(PROBLEM + "upstream-circuit-open"));
        // Later than the circuit's delay, a call is a trial (half-open): a slow machine may get there.
        List<JournalEntry> whileOpen = journal.entries().stream().skip(upstreamCalls)
                .filter(e -> e.timestampMillis() < opened + CIRCUIT_DELAY_MS).toList();
        assertEquals(List.of(), whileOpen, "no call while the circuit is open");
        System.out.printf("[resilience] circuit opened after %d requests (%d upstream calls); Retry-After %d s%n",
                requests, upstreamCalls, retryAfter);
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "at most the test profile's circuit delay, 2s: " + retryAfter);
        assertTrue(Scrape.sum("gateway_upstream_calls_seconds_count", "outcome=\"circuit-open\"") >= 3);
        double state = Scrape.sum("gateway_circuit_state", "circuit=\"general\"");
        assertTrue(state == 1.0 || state == 2.0, "open (or, 2s later, half-open): " + state);

        emulator.faults().clear();
        long healed = System.nanoTime();
        // Reads of different resources, so that none is answered from a cache: each is a trial call.
        List<String> reads = List.of(PROJECT, PROJECT + "/users", PROJECT + "/environment-variables",
                PROJECT + "/deployments", PROJECT + "/instance-types", PROJECT + "/quotas");
        int i = 0;
        while (Scrape.sum("gateway_circuit_state", "circuit=\"general\"") != 0.0
                && System.nanoTime() - healed < Duration.ofSeconds(10).toNanos()) {
            given().get(reads.get(i++ % reads.size()));
            Thread.sleep(100);
        }
        long closedMs = (System.nanoTime() - healed) / 1_000_000;
        System.out.printf("[resilience] circuit closed %d ms after UbiOps healed%n", closedMs);
        assertEquals(0.0, Scrape.sum("gateway_circuit_state", "circuit=\"general\""), "closed again");
        given().get(PROJECT).then().statusCode(200);
    }

    @Test
    void bulkheadRefusesCallsBeyondItsBound() throws Exception {
        // Distinct projects, so that no two requests share one upstream call; each waits 3s upstream.
        emulator.faults().add(FaultRule.latency("/v2\\.1/projects/slow-\\d+", Duration.ofSeconds(3)));
        int requests = 80;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Response>> answers = IntStream.range(0, requests)
                    .mapToObj(n -> pool.submit(() -> given().get("/api/v1/projects/slow-" + n))).toList();
            Map<Integer, Integer> histogram = new TreeMap<>();
            List<Response> busy = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                histogram.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 503) {
                    busy.add(response);
                }
            }
            System.out.printf("[resilience] %d concurrent reads, 3s each upstream, bulkhead 32+32: statuses %s, "
                    + "upstream calls %d, at most %d at once%n", requests, histogram, journal.size(),
                    journal.peakConcurrency());
            assertFalse(busy.isEmpty(), "some were refused: " + histogram);
            busy.forEach(response -> problem(response.then(), 503)
                    .body("type", equalTo(PROBLEM + "upstream-busy")).header("Retry-After", equalTo("1")));
            assertEquals(requests, histogram.getOrDefault(404, 0) + busy.size(), "the others answered: " + histogram);
            assertTrue(journal.size() <= 64, "only the 32 in flight and the 32 queued reached UbiOps");
            assertTrue(journal.peakConcurrency() <= 32, "at most 32 in flight: " + journal.peakConcurrency());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsAreMeasuredByOperationAndOutcome() {
        double before = Scrape.sum("gateway_upstream_calls_seconds_count",
                "operation=\"getProject\"", "outcome=\"success\"");
        given().get(PROJECT).then().statusCode(200);
        given().get("/api/v1/projects/no-such-project").then().statusCode(404);

        assertEquals(before + 1, Scrape.sum("gateway_upstream_calls_seconds_count",
                "operation=\"getProject\"", "outcome=\"success\""));
        assertTrue(Scrape.sum("gateway_upstream_calls_seconds_count",
                "operation=\"getProject\"", "outcome=\"client-error\"") >= 1);
        assertTrue(Scrape.sum("gateway_upstream_calls_seconds_bucket", "operation=\"getProject\"") > 0,
                "latency buckets for dashboards");
        assertEquals(0.0, Scrape.sum("gateway_circuit_state", "circuit=\"files\""));
    }

    /** Statuses of the calls that reached UbiOps for {@code method} and a path matching {@code path}, in order. */
    private List<Integer> statuses(String method, String path) {
        return calls(method, path).stream().map(JournalEntry::status).toList();
    }

    /** Faulted calls match no operation in the journal: they are found by method and path. */
    private List<JournalEntry> calls(String method, String path) {
        return journal.entries().stream().filter(e -> e.method().equals(method) && e.path().matches(path)).toList();
    }
}
