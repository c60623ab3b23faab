package org.ubiopsgateway.gateway.resilience;

import java.util.Locale;

/**
 * UbiOps's rate-limit groups that the gateway's operations fall into (NOTES.md): each has its own per-minute budget
 * upstream, and here its own budget, circuit breaker and bulkhead. The {@code user} group has none of the gateway's
 * operations.
 */
public enum EndpointGroup {
    /** Everything not below. */
    GENERAL,
    /** project_requests_list. */
    REQUESTS,
    /** Package upload and download. */
    FILES;

    /** The name UbiOps uses, and the metrics' {@code circuit} tag. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
