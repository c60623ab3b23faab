package org.ubiopsgateway.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.ubiopsgateway.gateway.config.AtLeastOne;
import org.ubiopsgateway.gateway.config.Positive;

/**
 * How fast one caller (one JWT subject) may call {@code /api/v1}, on each replica: a bucket of {@link #burst()}
 * requests, refilled at {@link #requestsPerSecond()}. Environment: {@code GATEWAY_RATE_LIMIT_CALLER_ENABLED},
 * {@code GATEWAY_RATE_LIMIT_CALLER_REQUESTS_PER_SECOND}, {@code GATEWAY_RATE_LIMIT_CALLER_BURST},
 * {@code GATEWAY_RATE_LIMIT_CALLER_MAX_CALLERS}.
 */
@ConfigMapping(prefix = "gateway.rate-limit.caller")
public interface CallerRateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** The sustained rate: a caller's bucket refills at this many requests a second (fractions allowed). */
    @WithDefault("50")
    @WithConverter(Positive.class)
    double requestsPerSecond();

    /** The bucket's size: how many requests a caller may send at once after a quiet spell. */
    @WithDefault("100")
    @WithConverter(AtLeastOne.class)
    int burst();

    /**
     * How many callers' buckets are kept at once. A bucket is forgotten once it would be full again (burst divided
     * by rate, 3 s by default), so this bounds only a crowd of callers within that time; beyond it the least
     * recently seen start again with a full bucket.
     */
    @WithDefault("10000")
    @WithConverter(AtLeastOne.class)
    int maxCallers();
}
