package org.ubiopsgateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.ubiopsgateway.contract.RevisionsApi;
import org.ubiopsgateway.model.revisions.Revision;

import java.util.concurrent.CompletionStage;

/**
 * {@link RevisionsApi} for other services, plus the two routes the shared contract leaves out (see there): they
 * are declared here for clients only, against the gateway's routes of the same path and media type.
 */
@RegisterRestClient(configKey = "ubiops-gateway")
@Path(RevisionsApi.PATH)
@RegisterClientHeaders(GatewayBearerToken.class)
@RegisterProvider(ProblemResponseMapper.class)
public interface RevisionsClient extends RevisionsApi {

    /**
     * Uploads a deployment package (a zip) as a new revision: sent as the multipart {@code file} part under the
     * file's own name, read from disk as it is sent. Answers the new revision with the id of its first build.
     */
    @POST
    @Path("revisions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    CompletionStage<Revision> uploadRevisionFile(@PathParam("project") String project,
                                                 @PathParam("deployment") String deployment,
                                                 @PathParam("version") String version,
                                                 @FormParam("file") java.nio.file.Path file);

    /**
     * Downloads a revision's package. The answer's entity is the zip ({@code readEntity(InputStream.class)}), its
     * name in {@code Content-Disposition}; close the response when done. Errors arrive as
     * {@link GatewayProblemException}s, as for every other method.
     */
    @GET
    @Path("revisions/{revision}/file")
    @Produces("application/zip")
    Response downloadRevisionFile(@PathParam("project") String project, @PathParam("deployment") String deployment,
                                  @PathParam("version") String version, @PathParam("revision") String revision);
}
