package org.ubiopsgateway.gateway.upstream;

import java.net.URI;

/** Where upstream calls go: UbiOps itself, or the embedded emulator in dev mode and tests. */
public interface UpstreamEndpoint {

    URI baseUri();

    /** The {@code Authorization} header value to send: {@code Token <key>}. */
    String authorization();
}
