package org.ubiopsgateway.gateway.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.overview.OverviewConfig;
import org.ubiopsgateway.gateway.ratelimit.CallerRateLimitConfig;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts and rates that make no sense stop the start, naming the setting; sensible ones pass through. */
class BoundedSettingsTest {

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("test", values) {})
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(OverviewConfig.class)
                .withMapping(CallerRateLimitConfig.class)
                .build();
    }

    @Test
    void countsBelowOneAndRatesNotAboveZeroAreRefusedWithTheirName() {
        for (Map.Entry<String, String> bad : Map.of(
                "gateway.overview.concurrency", "0",
                "gateway.overview.request-sample", "-3",
                "gateway.rate-limit.caller.burst", "0",
                "gateway.rate-limit.caller.max-callers", "0",
                "gateway.rate-limit.caller.requests-per-second", "0").entrySet()) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> config(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(refused.getMessage().contains(bad.getKey()), refused.getMessage());
            assertEquals(1, refused.getMessage().lines().filter(l -> l.contains("SRCFG")).count(), refused.getMessage());
        }
    }

    @Test
    void sensibleValuesAndTheDefaultsAreKept() {
        SmallRyeConfig config = config(Map.of("gateway.overview.concurrency", "1",
                "gateway.rate-limit.caller.requests-per-second", "0.1"));
        assertEquals(1, config.getConfigMapping(OverviewConfig.class).concurrency());
        assertEquals(500, config.getConfigMapping(OverviewConfig.class).requestSample());
        assertEquals(0.1, config.getConfigMapping(CallerRateLimitConfig.class).requestsPerSecond());
        assertEquals(100, config.getConfigMapping(CallerRateLimitConfig.class).burst());
    }
}
