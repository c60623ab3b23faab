package org.ubiopsgateway.gateway.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long each region's entries are fresh and how many it holds (GATEWAY_CACHE_&lt;REGION&gt;_TTL,
 * GATEWAY_CACHE_&lt;REGION&gt;_MAXIMUM_SIZE). A TTL of 0 means every read goes upstream; the last good answer is
 * still kept, to be served when upstream fails.
 */
@ConfigMapping(prefix = "gateway.cache")
public interface CacheConfig {

    /** Instance types per project. */
    Region instanceTypes();

    /** Quotas per project. */
    Region quotas();

    /** Deployment templates (global). */
    Region templates();

    /** Every other cached read: the micro-cache that absorbs portal polling (GATEWAY_CACHE_READS_TTL). */
    Region reads();

    /** Whole project overviews; their parts are cached in their own regions. */
    Region overview();

    /**
     * How long past its TTL an entry may still be served, marked {@code X-Cache: STALE}, while upstream fails
     * (GATEWAY_CACHE_STALE_FOR); older entries are dropped.
     */
    @WithDefault("1h")
    Duration staleFor();

    interface Region {
        Duration ttl();

        @WithDefault("10000")
        long maximumSize();
    }
}
