package org.ubiopsgateway.gateway.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.ubiopsgateway.contract.Created;
import org.ubiopsgateway.model.common.Identifiable;

/** Answers {@code 201 Created} with a {@code Location} for the contract methods marked {@link Created}. */
@Provider
@Created
public class CreatedResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200) {
            return;
        }
        response.setStatus(201);
        if (response.getEntity() instanceof Identifiable created) {
            // path() encodes the segment, so a name can never change the shape of the URL
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    request.getUriInfo().getAbsolutePathBuilder().path(created.identifier()).build());
        }
    }
}
