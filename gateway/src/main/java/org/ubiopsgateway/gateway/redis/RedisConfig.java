package org.ubiopsgateway.gateway.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Redis, shared by the replicas of one gateway (off unless {@code GATEWAY_REDIS_URL} is set): it carries cache
 * invalidations between replicas and their shared upstream budget. A single replica needs none.
 */
@ConfigMapping(prefix = "gateway.redis")
public interface RedisConfig {

    /** {@code redis://[:password@]host:port[/db]}, or {@code rediss://} for TLS (GATEWAY_REDIS_URL). */
    Optional<String> url();

    /** Prefix of every key and channel, so several gateways can share one Redis (GATEWAY_REDIS_NAMESPACE). */
    @WithDefault("ubiops-gateway")
    String namespace();

    /** Each Redis command fails after this long, so a hung Redis cannot hold a request (GATEWAY_REDIS_TIMEOUT). */
    @WithDefault("1s")
    Duration timeout();

    /**
     * Whether readiness fails while Redis is away (GATEWAY_REDIS_REQUIRED). Off by default: replicas keep serving
     * with local invalidations, stale for at most the cache TTLs, rather than all leaving service together.
     */
    @WithDefault("false")
    boolean required();

    /** Pause between attempts to reconnect after Redis went away (GATEWAY_REDIS_RECONNECT_DELAY). */
    @WithDefault("1s")
    Duration reconnectDelay();
}
