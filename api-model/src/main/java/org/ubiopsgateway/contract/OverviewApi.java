package org.ubiopsgateway.contract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.overview.ProjectOverview;

import java.util.concurrent.CompletionStage;

/** The project page in one call. */
@Path(OverviewApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Overview", description = "A project's page in one answer")
public interface OverviewApi {

    /** Repeated on the api-client interface: the REST client does not inherit an interface-level {@code @Path}. */
    String PATH = "/api/v1/projects";

    /** Says whether every part of the overview is there. */
    String COMPLETE_HEADER = "X-Complete";

    @GET
    @Path("/{project}/overview")
    @Operation(summary = "Project overview", description = "The project, its resource counts, quotas, credit usage "
            + "of the current period, deployments with their versions, recent request counts by status and the "
            + "versions whose latest build failed. Gathered from UbiOps in parallel; a part that fails is left out "
            + "and named in missing (complete: false, X-Complete: false) while the rest is returned.")
    @APIResponse(responseCode = "200", description = "The overview, complete or not",
            headers = @Header(name = COMPLETE_HEADER, description = "false when a part is missing"))
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "UbiOps failed to give the project itself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "UbiOps did not give the project itself in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<ProjectOverview> getOverview(
            @PathParam("project") @ResourceName String project);
}
