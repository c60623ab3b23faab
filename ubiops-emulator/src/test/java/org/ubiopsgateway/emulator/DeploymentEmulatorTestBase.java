package org.ubiopsgateway.emulator;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** One emulator per test class with quick builds, back to its seed before every test. */
abstract class DeploymentEmulatorTestBase {

    static final String PROJECT = "/projects/demo-project";
    static final String DEPLOYMENTS = PROJECT + "/deployments";

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

    static RequestSpecification api() {
        return RestAssured.given().baseUri(emulator.baseUrl()).header("Authorization", "Token " + emulator.token())
                .contentType(ContentType.JSON);
    }

    static RequestSpecification api(JsonObject body) {
        return api().body(body.encode());
    }

    /** Creates a deployment with plain input and output, and answers its path. */
    static String createPlainDeployment(String name) {
        api(new JsonObject().put("name", name).put("input_type", "plain").put("output_type", "plain"))
                .post(DEPLOYMENTS).then().statusCode(201);
        return DEPLOYMENTS + "/" + name;
    }

    static void createVersion(String deploymentPath, String version) {
        api(new JsonObject().put("version", version)).post(deploymentPath + "/versions").then().statusCode(201);
    }
}
