package org.ubiopsgateway.gateway.overview;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.JournalEntry;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.cache.MicroCacheProfile;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview's concurrency bound (4 in this profile) and its caching of complete answers only. */
@QuarkusTest
@TestProfile(MicroCacheProfile.class)
class OverviewLimitsTest {

    private static final Duration LATENCY = Duration.ofMillis(300);

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void versionCallsKeepToTheConcurrencyBound() {
        OverviewFixture.project(emulator, "bounded-project", 12);
        emulator.faults().add(FaultRule.latency(
                "/v2\\.1/projects/bounded-project/deployments/[^/]+/versions", LATENCY));
        emulator.journal().clear();

        given().get("/api/v1/projects/bounded-project/overview").then().statusCode(200)
                .body("complete", equalTo(true));

        // Each call lasts at least LATENCY, so the calls that end within one LATENCY were all in flight together
        // at its start: no window may hold more endings than the bound.
        List<Long> ends = emulator.journal().entries("deployment_versions_list").stream()
                .map(JournalEntry::timestampMillis).sorted().toList();
        assertEquals(12, ends.size());
        int most = 0;
        for (int i = 0; i < ends.size(); i++) {
            int j = i;
            while (j < ends.size() && ends.get(j) - ends.get(i) < LATENCY.toMillis()) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        System.out.printf("Overview of 12 deployments with concurrency 4: at most %d version calls in flight%n", most);
        assertTrue(most <= 4, "at most 4 version calls at once, saw " + most);
        assertTrue(most >= 2, "still in parallel, saw " + most);
    }

    @Test
    void aCompleteOverviewIsCachedAndAPartialOneIsNot() {
        // Three failures: the attempt and its two retries (test profile).
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/demo-project/quotas", 503, 1.0).withTimes(3));
        given().get("/api/v1/projects/demo-project/overview").then().statusCode(200).body("complete", equalTo(false));
        given().get("/api/v1/projects/demo-project/overview").then().statusCode(200).body("complete", equalTo(true))
                .header("X-Cache", "MISS");
        given().get("/api/v1/projects/demo-project/overview").then().statusCode(200).body("complete", equalTo(true))
                .header("X-Cache", "HIT");
    }
}
