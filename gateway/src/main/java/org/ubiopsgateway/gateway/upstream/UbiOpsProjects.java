package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.ubiopsgateway.gateway.upstream.wire.ProjectSummary;

import java.util.List;

/** The 21 project operations of UbiOps API v2.1 ({@code projects-api.txt}). */
@Path("")
public interface UbiOpsProjects {

    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper base) {
        return UpstreamJson.mapper(base);
    }

    /** projects_list */
    @GET
    @Path("/projects")
    Uni<List<ProjectSummary>> listProjects(@QueryParam("organization") String organization);
}
