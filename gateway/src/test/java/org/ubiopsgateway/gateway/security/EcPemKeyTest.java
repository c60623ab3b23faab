package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/** An EC public key in PEM: ES256 tokens verify, RS256 ones do not. */
@QuarkusTest
@TestProfile(EcPemKeyTest.EcKey.class)
class EcPemKeyTest {

    public static class EcKey implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(VerificationKeyResource.class,
                    Map.of("file", "test-only-ec-public.pem", "algorithm", "ES256")));
        }
    }

    @Test
    void es256IsAccepted() {
        TestTokens.as(TestTokens.ec(TestTokens.claims("ec-caller", List.of("viewer"), List.of("*"))))
                .get("/api/v1/me").then().statusCode(200).body("subject", equalTo("ec-caller"));
    }

    @Test
    void rs256IsRefused() {
        TestTokens.as(TestTokens.admin()).get("/api/v1/me").then().statusCode(401);
    }
}
