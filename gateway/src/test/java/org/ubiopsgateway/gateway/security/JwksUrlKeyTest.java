package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWKS fetched from a URL, as from an identity provider; cached, not fetched per request. */
@QuarkusTest
@TestProfile(JwksUrlKeyTest.JwksUrl.class)
class JwksUrlKeyTest {

    public static class JwksUrl implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(JwksServer.class));
        }
    }

    @Test
    void rs256AndEs256AreAcceptedAndTheSetIsCached() {
        JwksAssertions.bothAlgorithmsVerify();
        int fetched = JwksServer.FETCHES.get();
        JwksAssertions.bothAlgorithmsVerify();
        assertTrue(fetched >= 1, "the set came from the URL");
        assertTrue(JwksServer.FETCHES.get() == fetched, "known keys are served from the cache");
    }

    @Test
    void anUntrustedKeyIsRefused() {
        JwksAssertions.untrustedKeyIsRefused();
    }
}
