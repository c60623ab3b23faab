package org.ubiopsgateway.gateway.dev;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dev build: its signing key kept in a file across restarts, POST /dev/token to mint tokens for any caller with
 * the gateway's roles, and CORS open to the usual local front-end dev servers.
 */
@QuarkusTest
@TestProfile(DevModeTest.Dev.class)
class DevModeTest {

    /**
     * The key file as a previous dev run left it: made before this gateway starts. A fixed path, since the profile and
     * the test run in different class loaders and each computes it.
     */
    static final Path KEY_FILE = Path.of("target", "dev-mode-test", "signing-key.pem");

    public static class Dev implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "dev";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            DevKeyFile.loadOrCreate(KEY_FILE);
            // A configured key keeps quarkus-smallrye-jwt's own test-mode key generator off, and proves the dev key wins.
            return Map.of("quarkus.http.test-port", "0",
                    "mp.jwt.verify.publickey.location", "test-keys/test-only-rsa-public.pem",
                    "gateway.dev.signing-key", KEY_FILE.toString());
        }
    }

    @Test
    void mintedTokensWorkAndTestKeysDoNot() {
        String token = TestTokens.anonymous().contentType("application/json")
                .body("{\"roles\": [\"editor\"], \"projects\": [\"sandbox\"], \"subject\": \"dev-alice\"}")
                .post("/dev/token").then().statusCode(200).extract().path("token");
        TestTokens.as(token).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("dev-alice"))
                .body("roles", contains("viewer", "editor"))
                .body("projects", contains("sandbox"));
        TestTokens.as(TestTokens.admin()).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void theDefaultDevTokenIsAnAdminOfEveryProject() {
        String token = TestTokens.anonymous().contentType("application/json").body("{}")
                .post("/dev/token").then().statusCode(200).extract().path("token");
        TestTokens.as(token).get("/api/v1/me").then().statusCode(200).body("allProjects", equalTo(true));
    }

    @Test
    void aTokenSignedBeforeARestartStillWorks() {
        KeyPair previous = DevKeyFile.loadOrCreate(KEY_FILE);
        String token = Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .audience("ubiops-gateway").subject("dev-bob")
                .groups(Set.of("viewer")).claim("projects", List.of("*")).jws().keyId("dev").sign(previous.getPrivate());
        TestTokens.as(token).get("/api/v1/me").then().statusCode(200).body("subject", equalTo("dev-bob"));
    }

    @Test
    void anUnknownRoleIsRefusedWithAProblem() {
        TestTokens.anonymous().contentType("application/json").body("{\"roles\": [\"viewer\", \"superuser\"]}")
                .post("/dev/token").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("roles[1]"))
                .body("violations[0].message", containsString("superuser"));
    }

    @Test
    void localFrontEndDevServersMayCallTheApi() {
        for (String origin : List.of("http://localhost:3000", "http://localhost:5173", "http://localhost:4200")) {
            TestTokens.anonymous().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization")
                    .options("/api/v1/me").then().header("Access-Control-Allow-Origin", origin);
        }
        TestTokens.anonymous().header("Origin", "http://evil.example:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/me").then().header("Access-Control-Allow-Origin", (String) null);
    }
}
