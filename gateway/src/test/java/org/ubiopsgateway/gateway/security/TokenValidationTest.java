package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Every way a token can be wrong ends in 401 problem+json with a Bearer challenge. */
@QuarkusTest
class TokenValidationTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void noTokenIsAskedFor() {
        TestTokens.anonymous().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"ubiops-gateway\"")
                .body("type", equalTo("urn:ubiops-gateway:problem:unauthenticated"))
                .body("detail", equalTo("A bearer token is required"));
        TestTokens.anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void expired() {
        rejected(TestTokens.rsa(valid().issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))));
    }

    @Test
    void justExpiredWithinTheClockSkewAllowanceIsAccepted() {
        TestTokens.as(TestTokens.rsa(valid().issuedAt(Instant.now().minusSeconds(600))
                .expiresAt(Instant.now().minusSeconds(10)))).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void expiredBeyondTheClockSkewAllowanceIsRefused() {
        rejected(TestTokens.rsa(valid().issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(90))));
    }

    @Test
    void notYetValid() {
        rejected(TestTokens.rsa(valid().claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond())));
    }

    @Test
    void wrongIssuer() {
        rejected(TestTokens.rsa(valid().issuer("https://someone-else.example")));
    }

    @Test
    void wrongAudience() {
        rejected(TestTokens.rsa(valid().audience("another-service")));
    }

    @Test
    void wrongKey() {
        rejected(TestTokens.untrusted(valid()));
    }

    @Test
    void tamperedPayload() {
        String[] parts = TestTokens.rsa(valid()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\"");
        rejected(parts[0] + "." + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void algNone() {
        String payload = TestTokens.rsa(valid()).split("\\.")[1];
        rejected(URL.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        String payload = TestTokens.rsa(valid()).split("\\.")[1];
        String signingInput = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test-rsa\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestTokens.resource("test-only-rsa-public.pem").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        rejected(signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void es256WhenTheGatewayTrustsAnRsaKey() {
        rejected(TestTokens.ec(valid()));
    }

    @Test
    void missingGroups() {
        rejected(TestTokens.rsa(io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("no-groups").claim("projects", List.of("*"))));
    }

    @Test
    void garbage() {
        for (String header : List.of("Bearer garbage", "Bearer a.b.c", "Bearer ", "Bearer eyJhbGciOiJSUzI1NiJ9..", "Bearer " + "x".repeat(5000))) {
            TestTokens.anonymous().header("Authorization", header).get("/api/v1/me").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theSameClaimsWellSignedAreAccepted() {
        TestTokens.as(TestTokens.rsa(valid())).get("/api/v1/me").then().statusCode(200).body("subject", equalTo("mallory"));
    }

    private static JwtClaimsBuilder valid() {
        return TestTokens.claims("mallory", List.of("viewer"), List.of("demo-project"));
    }

    private static void rejected(String token) {
        TestTokens.as(token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer realm=\"ubiops-gateway\", error=\"invalid_token\""))
                .body("status", equalTo(401));
    }
}
