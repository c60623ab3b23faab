package org.ubiopsgateway.gateway.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.packaging.ExternalEmulatorResource;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged gateway logs one JSON object per line, access log included. */
@QuarkusIntegrationTest
@WithTestResource(ExternalEmulatorResource.class)
class ProductionLogsIT {

    /** Where the integration test harness writes the packaged gateway's console. */
    private static final Path CONSOLE = Path.of("target/quarkus.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionLogsAreJsonLines() throws Exception {
        given().queryParam("probe", "json-log-check").get("/q/health/live").then().statusCode(200);

        JsonNode access = awaitAccessLine("/q/health/live");
        assertTrue(access.get("message").asText().contains("\"GET /q/health/live HTTP/1.1\" 200"), access.toString());
        assertFalse(access.toString().contains("json-log-check"), "no query value in the access log");
        for (String line : lines()) {
            JsonNode node = JSON.readTree(line); // throws on a line that is not JSON
            assertTrue(node.hasNonNull("timestamp") && node.hasNonNull("level") && node.hasNonNull("message"), line);
        }
    }

    private static JsonNode awaitAccessLine(String path) {
        // Written once the answer is out, which may be just after the client has it.
        return Eventually.await("an access log line for " + path + " in " + CONSOLE,
                () -> lines().stream().map(ProductionLogsIT::json)
                        .filter(node -> node.path("loggerName").asText().equals(AccessLogTest.CATEGORY)
                                && node.path("message").asText().contains(path))
                        .findFirst().orElse(null),
                Objects::nonNull);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(line, e);
        }
    }

    /** The complete lines: the gateway may be writing the last one as it is read. */
    private static List<String> lines() {
        try {
            String console = Files.readString(CONSOLE);
            return console.substring(0, console.lastIndexOf('\n') + 1).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
