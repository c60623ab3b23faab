package org.ubiopsgateway.emulator;

import io.vertx.ext.web.RoutingContext;

/** UbiOps's per-minute rate limits per endpoint group. TODO(agent P): implement. */
public final class RateLimits {
    private volatile boolean enabled;

    RateLimits(boolean enabled) {
        this.enabled = enabled;
    }

    void reset(boolean enabled) {
        this.enabled = enabled;
    }

    void handle(RoutingContext ctx) {
        ctx.next();
    }
}
