package org.ubiopsgateway.gateway.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers about a caller's data are never stored (errors, writes, files), unless a route chose a cache policy itself:
 * JSON reads choose revalidation ({@link org.ubiopsgateway.gateway.cache.CacheHeaders}).
 */
public class SecurityHeaders {

    public static final String NO_STORE = "no-store";

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(AccessFilter.STARTED) != null && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
    }
}
