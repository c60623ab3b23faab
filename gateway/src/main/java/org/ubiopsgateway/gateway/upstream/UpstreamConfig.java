package org.ubiopsgateway.gateway.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where UbiOps is and how to reach it: {@code UBIOPS_API_URL}, {@code UBIOPS_API_TOKEN}, timeouts. */
@ConfigMapping(prefix = "ubiops.api")
public interface UpstreamConfig {

    /** Base URL including the API version. */
    @WithDefault("https://api.ubiops.com/v2.1")
    String url();

    /** The service token, with or without the {@code Token } prefix. */
    Optional<String> token();

    /** TCP connect timeout for every upstream call. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time to wait for upstream's answer once connected. */
    @WithDefault("30s")
    Duration readTimeout();
}
