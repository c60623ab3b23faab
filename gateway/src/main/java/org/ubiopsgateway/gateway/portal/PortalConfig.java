package org.ubiopsgateway.gateway.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The reference portal page at {@code /portal/} (GATEWAY_PORTAL_*). */
@ConfigMapping(prefix = "gateway.portal")
public interface PortalConfig {

    /** Serve the page (GATEWAY_PORTAL_ENABLED): on in dev, off in production unless asked for. */
    @WithDefault("false")
    boolean enabled();
}
