package org.ubiopsgateway.gateway.cache;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Every read and the overview cached for ten minutes: whatever a test reads fresh, an invalidation refreshed. */
public class MicroCacheProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.cache.reads.ttl", "10m", "gateway.cache.overview.ttl", "10m",
                "gateway.overview.concurrency", "4");
    }
}
