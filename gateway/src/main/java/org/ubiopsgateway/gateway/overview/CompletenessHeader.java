package org.ubiopsgateway.gateway.overview;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.ubiopsgateway.contract.OverviewApi;
import org.ubiopsgateway.model.overview.ProjectOverview;

/**
 * {@code X-Complete} on every overview. Response filters run in descending priority: this one runs before
 * {@link org.ubiopsgateway.gateway.cache.CacheHeaders}, which turns the entity into bytes.
 */
@Provider
@Priority(Priorities.USER + 100)
public class CompletenessHeader implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ProjectOverview overview) {
            response.getHeaders().putSingle(OverviewApi.COMPLETE_HEADER, overview.complete());
        }
    }
}
