package org.ubiopsgateway.bench.floor;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The one UbiOps read {@link PassThroughResource} forwards, its answer kept as text (no JSON mapping). */
@RegisterRestClient(configKey = "upstream")
public interface Upstream {

    @GET
    @Path("/projects/{project}/users/{id}")
    Uni<String> user(@PathParam("project") String project, @PathParam("id") String id,
                     @HeaderParam("Authorization") String authorization);
}
