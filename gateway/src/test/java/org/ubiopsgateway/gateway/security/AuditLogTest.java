package org.ubiopsgateway.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.JournalEntry;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One JSON line per mutation, allowed or refused, with no body, token or secret in it. */
@QuarkusTest
class AuditLogTest {

    /** The seeded secret values (project DATABASE_PASSWORD, image-classifier MODEL_API_KEY) and one sent here. */
    private static final List<String> SECRETS = List.of("s3cr3t-demo", "sk-classifier-7f3a", "audit-secret-value-91c2");
    private static final String SECRET_BODY = "{\"name\": \"API_KEY\", \"value\": \"audit-secret-value-91c2\", \"secret\": true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UbiOpsEmulator emulator;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        Logger.getLogger(AuditLog.CATEGORY).addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger(AuditLog.CATEGORY).removeHandler(capture);
    }

    @Test
    void aRefusedMutationIsAuditedWithItsOutcome() throws Exception {
        String token = TestTokens.viewer("demo-project");
        TestTokens.as(token).contentType("application/json").body(SECRET_BODY)
                .post("/api/v1/projects/demo-project/environment-variables").then().statusCode(403);
        JsonNode line = onlyLine(token);
        assertEquals("test-viewer", line.get("subject").asText());
        assertEquals("POST /api/v1/projects/{project}/environment-variables", line.get("action").asText());
        assertEquals("demo-project", line.at("/target/project").asText());
        assertEquals(403, line.get("outcome").asInt());
        assertTrue(line.get("upstreamStatus").isNull(), "refused before UbiOps");
        assertTrue(line.get("durationMs").asLong() >= 0);
        assertTrue(line.get("time").asText().endsWith("Z"));
    }

    @Test
    void anAllowedMutationNamesTargetAndUpstreamAnswer() throws Exception {
        Response response = RestAssured.given().contentType("application/json").body(SECRET_BODY)
                .put("/api/v1/projects/demo-project/deployments/image-classifier/environment-variables/var-1");
        JsonNode line = onlyLine(TestTokens.admin());
        assertEquals("test-admin", line.get("subject").asText());
        assertEquals("PUT /api/v1/projects/{project}/deployments/{deployment}/environment-variables/{id}", line.get("action").asText());
        assertEquals(JSON.readTree("{\"project\":\"demo-project\",\"deployment\":\"image-classifier\",\"id\":\"var-1\"}"), line.get("target"));
        assertEquals(response.statusCode(), line.get("outcome").asInt());
        List<JournalEntry> upstream = emulator.journal().entries();
        if (upstream.isEmpty()) {
            assertTrue(line.get("upstreamStatus").isNull());
        } else {
            assertEquals(upstream.get(upstream.size() - 1).status(), line.get("upstreamStatus").asInt());
        }
    }

    @Test
    void aMutationWithoutAValidTokenIsAuditedWithoutSubject() throws Exception {
        TestTokens.anonymous().delete("/api/v1/projects/demo-project").then().statusCode(401);
        TestTokens.as("not-a-token").delete("/api/v1/projects/demo-project").then().statusCode(401);
        assertEquals(2, lines.size(), lines.toString());
        for (String raw : lines) {
            JsonNode line = JSON.readTree(raw);
            assertTrue(line.get("subject").isNull());
            assertEquals("DELETE /api/v1/projects/{project}", line.get("action").asText());
            assertEquals(401, line.get("outcome").asInt());
        }
    }

    @Test
    void readsAreNotAudited() {
        RestAssured.given().get("/api/v1/me").then().statusCode(200);
        RestAssured.given().get("/api/v1/projects/demo-project").then().statusCode(org.hamcrest.Matchers.not(403));
        assertEquals(List.of(), lines);
    }

    private JsonNode onlyLine(String token) throws Exception {
        assertEquals(1, lines.size(), lines.toString());
        String raw = lines.get(0);
        assertFalse(raw.contains(token), "the bearer token is never logged");
        SECRETS.forEach(secret -> assertFalse(raw.contains(secret), "a secret value was logged: " + raw));
        return JSON.readTree(raw);
    }
}
