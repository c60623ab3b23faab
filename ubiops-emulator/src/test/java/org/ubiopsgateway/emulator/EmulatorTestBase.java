package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** One emulator per test class, back to its seed before every test; builds take about a second. */
abstract class EmulatorTestBase {

    static UbiOpsEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withBuildTimes(Duration.ofSeconds(1), Duration.ofMillis(300)));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }

    /** A request to the API with the emulator's token. */
    static RequestSpecification api() {
        return RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token " + emulator.token())
                .contentType(ContentType.JSON);
    }

    static RequestSpecification api(JsonObject body) {
        return api().body(body.encode());
    }
}
