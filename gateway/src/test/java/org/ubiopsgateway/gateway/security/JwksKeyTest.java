package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** A JWKS file holding an RSA and an EC key: both algorithms verify, by key id. */
@QuarkusTest
@TestProfile(JwksKeyTest.JwksFile.class)
class JwksKeyTest {

    public static class JwksFile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(VerificationKeyResource.class,
                    Map.of("file", "test-only-jwks.json", "algorithm", "RS256,ES256")));
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
