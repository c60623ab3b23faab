package org.ubiopsgateway.bench.floor;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The floor of the pass-through benchmark (bench/path-windows.sh): Quarkus REST and its REST client and nothing else,
 * the caller's Authorization forwarded, the answer's JSON passed on as it came, on the event loop.
 */
@Path("/pass-through/projects/{project}/users/{id}")
public class PassThroughResource {

    private final Upstream upstream;

    public PassThroughResource(@RestClient Upstream upstream) {
        this.upstream = upstream;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<String> user(@PathParam("project") String project, @PathParam("id") String id,
                            @HeaderParam("Authorization") String authorization) {
        return upstream.user(project, id, authorization);
    }
}
