package org.ubiopsgateway.gateway.upstream;

import java.net.URI;

/** Where upstream calls go: UbiOps itself, or the embedded emulator in dev mode and tests. */
public interface UpstreamEndpoint {

    URI baseUri();

    /** The token header to send, {@code Token <key>}; empty when none is configured. */
    java.util.Optional<String> authorization();
}
