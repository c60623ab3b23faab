package org.ubiopsgateway.gateway.cache;

import java.util.function.Function;

/** The cache regions: one Quarkus cache each, with its own TTL and size. */
public enum Region {
    INSTANCE_TYPES("instance-types", CacheConfig::instanceTypes),
    QUOTAS("quotas", CacheConfig::quotas),
    TEMPLATES("templates", CacheConfig::templates),
    READS("reads", CacheConfig::reads),
    OVERVIEW("overview", CacheConfig::overview);

    private final String cacheName;
    private final Function<CacheConfig, CacheConfig.Region> policy;

    Region(String cacheName, Function<CacheConfig, CacheConfig.Region> policy) {
        this.cacheName = cacheName;
        this.policy = policy;
    }

    /** The Quarkus cache's name, also the {@code cache} tag of the metrics. */
    public String cacheName() {
        return cacheName;
    }

    CacheConfig.Region policy(CacheConfig config) {
        return policy.apply(config);
    }
}
