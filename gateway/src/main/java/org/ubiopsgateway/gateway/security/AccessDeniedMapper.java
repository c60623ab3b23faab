package org.ubiopsgateway.gateway.security;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ubiopsgateway.gateway.error.ProblemKind;
import org.ubiopsgateway.gateway.error.Problems;

/** A check made inside a service (project creation) answers like the filter's: 403 problem+json. */
public class AccessDeniedMapper {

    @ServerExceptionMapper
    public Response denied(AccessDenied e) {
        return Problems.response(ProblemKind.FORBIDDEN, 403, e.getMessage());
    }
}
