package org.ubiopsgateway.gateway.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long and how many verified tokens {@link VerifiedTokens} remembers. */
@ConfigMapping(prefix = "gateway.jwt")
public interface VerifiedTokensConfig {

    /** GATEWAY_JWT_CACHE_TTL; 0 verifies every use. */
    @WithDefault("60s")
    Duration cacheTtl();

    /** GATEWAY_JWT_CACHE_SIZE. */
    @WithDefault("10000")
    long cacheSize();
}
