package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** A JWKS file holding an RSA and an EC key: both algorithms verify, by key id. */
@QuarkusTest
@TestProfile(JwksKeyTest.JwksFile.class)
class JwksKeyTest {

    public static class JwksFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "test-keys/test-only-jwks.json",
                    "mp.jwt.verify.publickey.algorithm", "RS256,ES256");
        }
    }

    @Test
    void rs256AndEs256AreAccepted() {
        JwksAssertions.bothAlgorithmsVerify();
    }

    @Test
    void anUntrustedKeyIsRefused() {
        JwksAssertions.untrustedKeyIsRefused();
    }
}
