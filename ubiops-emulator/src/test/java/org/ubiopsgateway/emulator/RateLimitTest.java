package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UbiOps's per-minute budgets per source IP and endpoint group. */
class RateLimitTest extends EmulatorTestBase {

    @Test
    void offByDefaultWithoutHeaders() {
        assertEquals(false, emulator.rateLimits().enabled());
        api().get("/projects").then().statusCode(200).header("x-ratelimit-limit", nullValue());
    }

    @Test
    void answersCarryTheBudgetAndCountDown() {
        emulator.rateLimits().setEnabled(true);
        api().get("/projects").then().statusCode(200)
                .header("x-ratelimit-limit", "300").header("x-ratelimit-remaining", "299")
                .header("x-ratelimit-reset", notNullValue());
        api().get("/projects").then().header("x-ratelimit-remaining", "298");
        int reset = Integer.parseInt(api().get("/projects").then().extract().header("x-ratelimit-reset"));
        assertTrue(reset >= 1 && reset <= 60);
    }

    @Test
    void overTheBudgetIs429UntilTheWindowEnds() {
        emulator.rateLimits().setEnabled(true);
        emulator.rateLimits().setLimit(RateLimits.Group.GENERAL, 2);
        api().get("/projects").then().statusCode(200).header("x-ratelimit-remaining", "1");
        api().get("/projects/demo-project").then().statusCode(200).header("x-ratelimit-remaining", "0");
        api().get("/projects").then().statusCode(429).body("error", notNullValue())
                .header("x-ratelimit-limit", "2").header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", notNullValue());
    }

    @Test
    void groupsHaveTheirOwnBudgets() {
        emulator.rateLimits().setEnabled(true);
        emulator.rateLimits().setLimit(RateLimits.Group.GENERAL, 1);
        emulator.rateLimits().setLimit(RateLimits.Group.REQUESTS, 1);
        api().get("/projects").then().statusCode(200);
        api().get("/projects").then().statusCode(429);
        api().queryParam("object_type", "deployment").get("/projects/demo-project/requests").then().statusCode(200)
                .header("x-ratelimit-limit", "1");
        api().queryParam("object_type", "deployment").get("/projects/demo-project/requests").then().statusCode(429);
    }

    @Test
    void aFreshWindowRefillsTheBudget() {
        long[] now = {1_000_000};
        RateLimits limits = new RateLimits(true, () -> now[0]);
        limits.setLimit(RateLimits.Group.GENERAL, 1);
        assertEquals(new RateLimits.Budget(1, 0, 60, true), limits.take("10.0.0.1", RateLimits.Group.GENERAL));
        now[0] += 45_000;
        assertEquals(new RateLimits.Budget(1, 0, 15, false), limits.take("10.0.0.1", RateLimits.Group.GENERAL));
        assertTrue(limits.take("10.0.0.2", RateLimits.Group.GENERAL).allowed(), "another IP has its own budget");
        now[0] += 15_000;
        assertEquals(new RateLimits.Budget(1, 0, 60, true), limits.take("10.0.0.1", RateLimits.Group.GENERAL));
    }

    @Test
    void pathsFallIntoUbiOpsGroups() {
        assertEquals(RateLimits.Group.FILES, RateLimits.classify("POST", "/v2.1/projects/p/deployments/d/versions/v/revisions"));
        assertEquals(RateLimits.Group.FILES, RateLimits.classify("GET", "/v2.1/projects/p/deployments/d/versions/v/revisions/r/file"));
        assertEquals(RateLimits.Group.GENERAL, RateLimits.classify("GET", "/v2.1/projects/p/deployments/d/versions/v/revisions"));
        assertEquals(RateLimits.Group.REQUESTS, RateLimits.classify("GET", "/v2.1/projects/p/requests"));
        assertEquals(RateLimits.Group.GENERAL, RateLimits.classify("POST", "/v2.1/projects/p/logs"));
    }

    @Test
    void resetRestoresUbiOpsBudgetsAndTheStartingSwitch() {
        emulator.rateLimits().setEnabled(true);
        emulator.rateLimits().setLimit(RateLimits.Group.GENERAL, 1);
        emulator.reset();
        assertEquals(false, emulator.rateLimits().enabled());
        assertEquals(300, emulator.rateLimits().limit(RateLimits.Group.GENERAL));
        assertEquals(30, emulator.rateLimits().limit(RateLimits.Group.USER));
    }

    @Test
    void startsEnabledWhenTheOptionsSaySo() {
        try (UbiOpsEmulator limited = UbiOpsEmulator.start(EmulatorOptions.defaults().withRateLimits(true))) {
            RestAssured.given().baseUri(limited.baseUrl()).header("Authorization", "Token " + limited.token())
                    .get("/projects").then().statusCode(200).header("x-ratelimit-limit", equalTo("300"));
        }
    }
}
