package org.ubiopsgateway.gateway.cache;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read cache with the default configuration: instance types, quotas and templates cached; every other read
 * fetched fresh, its last good answer kept for when upstream fails.
 */
@QuarkusTest
class ReadCacheTest {

    private static final String DEMO = "/api/v1/projects/demo-project";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void cachedInstanceTypesMakeNoUpstreamCall() {
        given().get(DEMO + "/instance-types").then().statusCode(200)
                .header(CacheHeaders.X_CACHE, "MISS").body("$", hasSize(5));
        given().get(DEMO + "/instance-types").then().statusCode(200)
                .header(CacheHeaders.X_CACHE, "HIT").header("Age", notNullValue()).body("$", hasSize(5));
        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT");
        given().get("/api/v1/templates").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        given().get("/api/v1/templates").then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT");

        assertEquals(1, journal.count("instance_types_list"));
        assertEquals(1, journal.count("quotas_list"));
        assertEquals(1, journal.count("template_deployments_list"));
    }

    @Test
    void entriesArePerProjectSoOneProjectsEntryNeverAnswersAnother() {
        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        given().get("/api/v1/projects/sandbox/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        assertEquals(2, journal.count("quotas_list"));
    }

    @Test
    void theCallersScopeIsCheckedBeforeTheCacheIsRead() {
        given().get(DEMO + "/quotas").then().statusCode(200);
        TestTokens.as(TestTokens.viewer("sandbox")).get(DEMO + "/quotas").then().statusCode(403)
                .header(CacheHeaders.X_CACHE, (String) null);
    }

    @Test
    void fiftyConcurrentMissesMakeOneUpstreamCall() throws Exception {
        emulator.faults().add(FaultRule.latency("/v2\\.1/projects/demo-project/instance-types",
                Duration.ofMillis(500)));
        List<Response> responses = Concurrently.send(50, () -> given().get(DEMO + "/instance-types"));

        for (Response response : responses) {
            assertEquals(200, response.statusCode());
            assertEquals(5, response.jsonPath().getList("$").size());
        }
        assertEquals(1, journal.count("instance_types_list"), "one upstream call for 50 concurrent readers");
    }

    @Test
    void failuresAreNeverCached() {
        // Three failures: the attempt and its two retries (test profile).
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0).withTimes(3));
        given().get(DEMO + "/quotas").then().statusCode(502).header(CacheHeaders.X_CACHE, (String) null);
        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "HIT");
        assertEquals(4, calls("/projects/demo-project/quotas"), "the failed call was not kept: the next read called again");
    }

    @Test
    void aFailedLoadSharedByConcurrentReadersIsNotKeptForLaterOnes() throws Exception {
        // Three failures: the attempt and its two retries (test profile).
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0)
                .withLatency(Duration.ofMillis(400), Duration.ofMillis(400)).withTimes(3));
        List<Response> responses = Concurrently.send(10, () -> given().get(DEMO + "/quotas"));
        responses.forEach(response -> assertEquals(502, response.statusCode()));
        assertEquals(3, calls("/projects/demo-project/quotas"), "the concurrent readers shared the failing call");

        given().get(DEMO + "/quotas").then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
    }

    @Test
    void anExpiredEntryIsServedStaleWhileUpstreamFails() {
        // Project details are fetched fresh every time (micro-cache off), and the last good answer is kept.
        given().get(DEMO).then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS").body("name", equalTo("demo-project"));
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project", 503, 1.0));
        given().get(DEMO).then().statusCode(200).header(CacheHeaders.X_CACHE, "STALE")
                .header("Age", notNullValue()).body("name", equalTo("demo-project"));

        emulator.faults().clear();
        emulator.faults().add(FaultRule.drop("/v2\\.1/projects/demo-project", 1.0));
        given().get(DEMO).then().statusCode(200).header(CacheHeaders.X_CACHE, "STALE");

        emulator.faults().clear();
        given().get(DEMO).then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
    }

    @Test
    void withoutAnEntryAnUpstreamFailureIsTheUsualProblem() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/sandbox", 503, 1.0));
        given().get("/api/v1/projects/sandbox").then().statusCode(502)
                .contentType("application/problem+json").header(CacheHeaders.X_CACHE, (String) null);
    }

    @Test
    void anAnswerAboutTheRequestItselfIsNeverReplacedByAStaleEntry() {
        given().get(DEMO).then().statusCode(200);
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project", 404, 1.0));
        given().get(DEMO).then().statusCode(404);
    }

    @Test
    void aMatchingETagGets304WithoutABody() {
        String etag = given().get(DEMO + "/quotas").then().statusCode(200).header("ETag", notNullValue())
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(DEMO + "/quotas").then().statusCode(304)
                .body(emptyString()).header("ETag", etag);
        given().header("If-None-Match", "W/" + etag + ", \"other\"").get(DEMO + "/quotas").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(DEMO + "/quotas").then().statusCode(200)
                .header("ETag", etag);
    }

    @Test
    void uncachedReadsCarryAnETagOfTheirJsonToo() {
        String etag = given().get(DEMO + "/deployments").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(DEMO + "/deployments").then().statusCode(304);
        // A change upstream changes the answer, so the tag no longer matches.
        given().contentType("application/json").body("{\"name\": \"etag-check\", \"inputType\": \"plain\", \"outputType\": \"plain\"}")
                .post(DEMO + "/deployments").then().statusCode(201);
        given().header("If-None-Match", etag).get(DEMO + "/deployments").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.not(etag));
    }

    @Test
    void aVersionVariableChangeReachesTheEffectiveViewAtOnce() {
        String version = DEMO + "/deployments/churn-model/versions/v1";
        given().get(version + "/environment-variables/effective").then().statusCode(200);
        given().contentType("application/json").body("{\"name\": \"FRESH_SETTING\", \"value\": \"1\", \"secret\": false}")
                .post(DEMO + "/environment-variables").then().statusCode(201);
        given().get(version + "/environment-variables/effective").then().statusCode(200)
                .body("find { it.name == 'FRESH_SETTING' }.value", equalTo("1"));
    }

    /**
     * Storing runs nothing on another thread: Quarkus Cache's Caffeine did its upkeep after every new entry on the
     * JDK's common pool, a pool thread woken per entry (an overview stores a dozen), and handed every replaced value
     * (a reload of an expired entry, kept for stale serving) to that pool, which on two cores or fewer (the CI
     * machine) runs such a task on a new thread. Here, 40 new entries and 40 replacements.
     */
    @Test
    void storingEntriesRunsNothingOnAnotherThread() {
        given().get(DEMO).then().statusCode(200);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        long pooledBefore = ForkJoinPool.commonPool().getStealCount();
        for (int i = 0; i < 40; i++) {
            given().queryParam("labels", "team:t" + i).get(DEMO + "/deployments").then().statusCode(200)
                    .header(CacheHeaders.X_CACHE, "MISS");
            given().get(DEMO).then().statusCode(200).header(CacheHeaders.X_CACHE, "MISS");
        }
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        long pooled = ForkJoinPool.commonPool().getStealCount() - pooledBefore;
        assertTrue(started < 10, "80 stores started " + started + " threads");
        assertTrue(pooled < 10, "80 stores ran " + pooled + " tasks on the common pool");
    }

    /** Upstream calls of a path, answered or failed (an injected fault answers before any operation runs). */
    private long calls(String path) {
        return journal.entries().stream().filter(e -> e.path().equals("/v2.1" + path)).count();
    }
}
