package org.ubiopsgateway.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.ubiopsgateway.gateway.cache.InvalidationBroadcast;
import org.ubiopsgateway.gateway.redis.RedisConfig;

/**
 * Whether cache invalidations reach the other replicas (only with Redis configured). Without Redis the replica
 * still serves, its cache stale for at most the TTL; so by default this check stays UP and says so
 * ({@code invalidations: local-only}) rather than take every replica out of service at once when Redis goes.
 * {@code GATEWAY_REDIS_REQUIRED=true} makes it DOWN instead, and turns on Quarkus's own Redis check beside it
 * (application.properties; why in docs/operations-redis.md).
 */
@Readiness
@ApplicationScoped
public class CacheInvalidationReadiness implements HealthCheck {

    private final InvalidationBroadcast broadcast;
    private final RedisConfig config;

    public CacheInvalidationReadiness(InvalidationBroadcast broadcast, RedisConfig config) {
        this.broadcast = broadcast;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        InvalidationBroadcast.State state = broadcast.state();
        boolean shared = state == InvalidationBroadcast.State.SUBSCRIBED;
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cache-invalidation")
                .withData("redis", state.name().toLowerCase())
                .withData("invalidations", shared ? "shared" : "local-only");
        if (state != InvalidationBroadcast.State.DISABLED && !shared) {
            response.withData("since", broadcast.since().toString());
        }
        return response.status(shared || state == InvalidationBroadcast.State.DISABLED || !config.required()).build();
    }
}
