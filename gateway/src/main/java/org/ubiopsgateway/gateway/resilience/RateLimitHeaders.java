package org.ubiopsgateway.gateway.resilience;

import jakarta.ws.rs.client.ClientResponseContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientResponseFilter;

import java.lang.reflect.Method;

/**
 * Hands UbiOps's {@code x-ratelimit-*} answer headers and 429s to the {@link UpstreamBudget} of the call's group, on
 * the thread the answer arrived on (see {@code upstream.UpstreamStatus}).
 */
public final class RateLimitHeaders implements ResteasyReactiveClientResponseFilter {

    /** Set by the REST client on every request: the interface method called. */
    private static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    private final UpstreamBudget budget;

    public RateLimitHeaders(UpstreamBudget budget) {
        this.budget = budget;
    }

    @Override
    public void filter(ResteasyReactiveClientRequestContext request, ClientResponseContext response) {
        // No headers: the connection broke before an answer, and there is nothing to read.
        if (response.getHeaders() != null && request.getProperty(INVOKED_METHOD) instanceof Method method) {
            budget.observe(UpstreamCall.of(method).group(), response.getStatus(),
                    response.getHeaderString("x-ratelimit-remaining"), response.getHeaderString("x-ratelimit-reset"));
        }
    }
}
