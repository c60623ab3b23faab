package org.ubiopsgateway.gateway.packaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packaged (prod) gateway against an emulator it reaches, and a key it trusts, only through its environment. */
@QuarkusIntegrationTest
@WithTestResource(ExternalEmulatorResource.class)
class PackagedGatewayIT {

    @Test
    void packagedGatewayIsReadyAgainstConfiguredUpstream() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                // found by name: the cache has a readiness check too, and the order is not fixed
                .body("checks.find { it.name == 'ubiops' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ubiops' }.data.url", startsWith("http://127.0.0.1:"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiNeedsATokenAndAcceptsTheConfiguredKey() {
        TestTokens.anonymous().get("/api/v1/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/api/v1/me").then().statusCode(200).body("subject", equalTo("test-admin"));
    }

    @Test
    void noDevTokenEndpointInProduction() {
        given().contentType("application/json").body("{}").post("/dev/token").then().statusCode(404);
        TestTokens.anonymous().contentType("application/json").body("{}").post("/dev/token").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("/dev/token")));
    }

    @Test
    void packagedApplicationContainsNoEmulator() throws IOException {
        assertEquals(0, librariesNamed("ubiops-emulator"),
                "the emulator is a dev/test tool and must not ship in the production application");
    }

    @Test
    void packagedApplicationContainsNoPublishedClient() throws IOException {
        assertEquals(0, librariesNamed("api-client"), "the published client is for other services and the tests: in the "
                + "application its interfaces would become beans validated at every start (docs/architecture.md)");
    }

    private static long librariesNamed(String artifact) throws IOException {
        try (Stream<Path> libraries = Files.list(Path.of("target/quarkus-app/lib/main"))) {
            return libraries.filter(p -> p.getFileName().toString().contains(artifact)).count();
        }
    }
}
