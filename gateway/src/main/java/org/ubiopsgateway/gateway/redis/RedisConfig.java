package org.ubiopsgateway.gateway.redis;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * What the gateway does with Redis, shared by the replicas of one gateway: it carries cache invalidations between
 * replicas and their shared upstream budget. Where Redis is, and how to reach it, is quarkus-redis-client's
 * configuration ({@code QUARKUS_REDIS_HOSTS}, {@code QUARKUS_REDIS_TIMEOUT}, ...); without a host a single replica
 * needs none.
 */
@ConfigMapping(prefix = "gateway.redis")
public interface RedisConfig {

    /** Prefix of every key and channel, so several gateways can share one Redis (GATEWAY_REDIS_NAMESPACE). */
    @WithDefault("ubiops-gateway")
    String namespace();

    /**
     * Whether readiness fails while Redis is away (GATEWAY_REDIS_REQUIRED; default and reason in
     * application.properties, which also turns Quarkus's Redis readiness check on with it).
     */
    boolean required();

    /** Pause between attempts to reconnect after Redis went away (GATEWAY_REDIS_RECONNECT_DELAY). */
    @WithDefault("1s")
    Duration reconnectDelay();
}
