package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The dev build: its own signing key, and POST /dev/token to mint tokens for any caller. */
@QuarkusTest
@TestProfile(DevModeTest.Dev.class)
class DevModeTest {

    public static class Dev implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "dev";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // A configured key keeps quarkus-smallrye-jwt's own test-mode key generator off, and proves the dev key wins.
            return Map.of("quarkus.http.test-port", "0",
                    "mp.jwt.verify.publickey.location", "test-keys/test-only-rsa-public.pem");
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
}
