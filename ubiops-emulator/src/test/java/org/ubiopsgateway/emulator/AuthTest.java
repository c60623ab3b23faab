package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

/** Only {@code Authorization: Token <the token>} opens the API; the control endpoints need nothing. */
class AuthTest {

    private static UbiOpsEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("s3cret"));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void missingTokenIsRefused() {
        RestAssured.given().baseUri(emulator.baseUrl()).get("/projects").then().statusCode(401)
                .body("error", equalTo("Authentication credentials were not provided."));
    }

    @Test
    void wrongTokenIsRefused() {
        RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token wrong")
                .get("/projects").then().statusCode(401).body("error", equalTo("Invalid token."));
        RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token Token s3cret")
                .get("/projects").then().statusCode(401);
        RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Bearer s3cret")
                .get("/projects").then().statusCode(401);
    }

    @Test
    void rightTokenIsAccepted() {
        RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token s3cret")
                .get("/projects").then().statusCode(200);
    }

    @Test
    void controlEndpointsNeedNoToken() {
        RestAssured.given().get(emulator.controlUrl() + "/health").then().statusCode(200).body("status", equalTo("UP"));
    }
}
