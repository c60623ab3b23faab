package org.ubiopsgateway.gateway.overview;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.Journal;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.cache.CacheHeaders;
import org.ubiopsgateway.gateway.cache.Concurrently;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/v1/projects/{project}/overview against the emulator. */
@QuarkusTest
class OverviewResourceTest {

    private static final String OVERVIEW = "/api/v1/projects/{project}/overview";

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    Journal journal;

    @Test
    void theOverviewHasEveryPartOfTheProjectPage() {
        given().get(OVERVIEW, "demo-project").then().statusCode(200)
                .header("X-Complete", "true")
                .body("complete", equalTo(true))
                .body("missing", empty())
                .body("project.name", equalTo("demo-project"))
                .body("resources.deployments", equalTo(3))
                .body("quotas", hasSize(greaterThan(0)))
                .body("credits.total", notNullValue())
                .body("credits.periodStart", notNullValue())
                .body("credits.deployments.deployment", hasItem("image-classifier"))
                .body("deployments.name", containsInAnyOrder("image-classifier", "text-summarizer", "churn-model"))
                .body("deployments.find { it.name == 'image-classifier' }.versions.version", containsInAnyOrder("v1", "v2"))
                .body("deployments.find { it.name == 'image-classifier' }.versions.find { it.version == 'v2' }.scaling.minimumInstances", equalTo(1))
                .body("deployments.find { it.name == 'image-classifier' }.versions.find { it.version == 'v1' }.default", equalTo(true))
                .body("requests.total", greaterThan(0))
                .body("requests.byStatus.completed", greaterThan(0))
                .body("failedBuilds", hasSize(1))
                .body("failedBuilds[0].deployment", equalTo("image-classifier"))
                .body("failedBuilds[0].version", equalTo("v2"))
                .body("failedBuilds[0].errorMessage", containsString("torch"));
    }

    @Test
    void onlyVersionsWhoseLatestRevisionIsNotActiveCostACallMore() {
        given().get(OVERVIEW, "demo-project").then().statusCode(200);
        assertEquals(3, journal.count("deployment_versions_list"), "one call per deployment");
        assertEquals(1, journal.count("revisions_get"), "only image-classifier v2's latest revision is not its active one");
    }

    @Test
    void aFailingPartIsNamedAndTheRestIsReturned() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0));
        emulator.faults().add(FaultRule.drop("/v2\\.1/projects/demo-project/deployments/churn-model/versions", 1.0));
        given().get(OVERVIEW, "demo-project").then().statusCode(200)
                .header("X-Complete", "false")
                .body("complete", equalTo(false))
                .body("quotas", nullValue())
                .body("missing.part", containsInAnyOrder("quotas", "deployments/churn-model/versions"))
                // Two parts failing with their retries are 6 of the profile's 10-attempt circuit window: whichever
                // fails last may find the circuit open before its last retry.
                .body("missing.find { it.part == 'quotas' }.reason", anyOf(equalTo("upstream-error"), equalTo("circuit-open")))
                .body("missing.find { it.part == 'deployments/churn-model/versions' }.reason",
                        anyOf(equalTo("unreachable"), equalTo("circuit-open")))
                .body("deployments.find { it.name == 'churn-model' }.versions", nullValue())
                .body("deployments.find { it.name == 'text-summarizer' }.versions", hasSize(1))
                .body("project.name", equalTo("demo-project"));
    }

    @Test
    void aPartUbiOpsAnswersWithAnErrorIsNamedAsAnUpstreamError() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0));
        given().get(OVERVIEW, "demo-project").then().statusCode(200)
                .header("X-Complete", "false")
                .body("missing.part", containsInAnyOrder("quotas"))
                .body("missing[0].reason", equalTo("upstream-error"))
                .body("deployments", hasSize(3));
    }

    @Test
    void whenTheProjectItselfFailsThatIsTheAnswer() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project", 503, 1.0));
        given().get(OVERVIEW, "demo-project").then().statusCode(502).contentType("application/problem+json");
        given().get(OVERVIEW, "no-such-project").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void concurrentOverviewsOfOneProjectShareOneFanOut() throws Exception {
        // Long enough that all ten arrive while the first one's fan-out is in flight, even from a loaded machine's
        // threads: an overview arriving after it makes a fan-out of its own (whole overviews are not cached here).
        emulator.faults().add(FaultRule.latency("/v2\\.1/projects/demo-project", Duration.ofSeconds(1)));
        List<Response> answers = Concurrently.send(10,
                () -> given().get(OVERVIEW, "demo-project"));
        answers.forEach(answer -> assertEquals(200, answer.statusCode()));
        assertEquals(1, journal.count("projects_get"), "ten overviews, one project call");
        assertEquals(3, journal.count("deployment_versions_list"), "ten overviews, one call per deployment");
    }

    @Test
    void fiftyDeploymentsCostTwoRoundsOfCallsNotFifty() {
        OverviewFixture.project(emulator, "wide-project", 50);
        emulator.faults().add(FaultRule.latency("/v2\\.1/projects/.*", Duration.ofMillis(50)));
        given().get(OVERVIEW, "wide-project").then().statusCode(200); // warms the gateway's connections
        journal.clear();

        long single = timed(() -> given().get("/api/v1/projects/wide-project/deployments/deployment-0")
                .then().statusCode(200));
        journal.clear();
        long overview = timed(() -> given().get(OVERVIEW, "wide-project").then().statusCode(200)
                .body("complete", equalTo(true)).body("deployments", hasSize(50))
                .header(CacheHeaders.X_CACHE, "MISS"));
        System.out.printf("Overview of 50 deployments at 50 ms upstream latency: %d ms; one upstream call through"
                + " the gateway: %d ms; upstream calls in flight at once: %d%n", overview, single,
                journal.peakConcurrency());

        assertEquals(50, journal.count("deployment_versions_list"));
        // 50 version calls in sequence would keep the peak at the first round's size; in parallel they overlap. (The
        // times are printed, not held: a slow machine stretches them; bench/run.sh overview measures them.)
        assertTrue(journal.peakConcurrency() >= 20, "version calls overlapped: " + journal.peakConcurrency());
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
