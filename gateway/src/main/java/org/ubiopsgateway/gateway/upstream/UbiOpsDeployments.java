package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.Path;

/** The 30 deployment operations of UbiOps API v2.1 ({@code deployments-api.txt}). */
@Path("")
public interface UbiOpsDeployments {

    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper base) {
        return UpstreamJson.mapper(base);
    }
}
