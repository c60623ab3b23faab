package org.ubiopsgateway.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.Revision;
import org.ubiopsgateway.model.revisions.RevisionSource;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A version's deployment packages (revisions) and their builds.
 * <p>
 * Two routes of this group are not in this shared contract, because they do not fit a portable JAX-RS method
 * that the server and a client could both use without holding the package in memory: the multipart upload
 * (the server takes the {@code file} part spooled to disk by Quarkus, a type a portable client does not have)
 * and the download (the server answers a stream of upstream's bytes). The gateway declares them on its
 * resource; {@code RevisionsClient} (api-client) gives clients a method for each.
 */
@Path(RevisionsApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "Deployment packages of a version and their builds")
@APIResponse(responseCode = "400", description = "Invalid path parameter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project, deployment, version, revision or build",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface RevisionsApi {

    /** Repeated on the api-client interface: the REST client does not inherit an interface-level {@code @Path}. */
    String PATH = "/api/v1/projects/{project}/deployments/{deployment}/versions/{version}";

    @GET
    @Path("revisions")
    @Operation(summary = "List a version's revisions", description = "Every package uploaded, copied or taken "
            + "from a template, oldest first, each with its newest build's status. Upstream: revisions_list.")
    @APIResponse(responseCode = "200", description = "The revisions")
    CompletionStage<List<Revision>> listRevisions(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version);

    @POST
    @Path("revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Created
    @Operation(summary = "Create a revision from another version's package or a template",
            description = "Names either sourceDeployment and sourceVersion (together) or templateId, not both. "
                    + "To upload a package, post multipart/form-data with a 'file' part to the same path. "
                    + "Answers the new revision with the id of the build it started. Upstream: revisions_file_upload.")
    @APIResponse(responseCode = "201", description = "The revision was created; Location names it")
    @APIResponse(responseCode = "415", description = "Not JSON, a form or multipart",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Revision> createRevision(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @NotNull @Valid RevisionSource source);

    /** {@link #createRevision} for HTML forms and {@code curl -d}: the same fields as form fields. */
    @POST
    @Path("revisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Created
    @Operation(summary = "Create a revision from another version's package or a template (form)",
            description = "As the JSON variant, with sourceDeployment, sourceVersion and templateId as form fields.")
    @APIResponse(responseCode = "201", description = "The revision was created; Location names it")
    CompletionStage<Revision> createRevisionFromForm(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @FormParam("sourceDeployment") @ResourceName String sourceDeployment,
            @FormParam("sourceVersion") @ResourceName String sourceVersion,
            @FormParam("templateId") @ResourceId String templateId);

    @GET
    @Path("revisions/{revision}")
    @Operation(summary = "Get a revision", description = "Its status is its newest build's. Upstream: revisions_get.")
    @APIResponse(responseCode = "200", description = "The revision")
    CompletionStage<Revision> getRevision(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @PathParam("revision") @ResourceId String revision);

    /**
     * Starts a new build of the revision. 200, not 201: UbiOps answers the revision, not the build it started, so
     * there is no new resource to point a {@code Location} at.
     */
    @POST
    @Path("revisions/{revision}/rebuild")
    @Operation(summary = "Rebuild a revision", description = "Starts a new build of the revision's package and "
            + "answers the revision (status queued). Upstream: revisions_rebuild.")
    @APIResponse(responseCode = "200", description = "The revision, with its new build's status")
    CompletionStage<Revision> rebuildRevision(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @PathParam("revision") @ResourceId String revision);

    @GET
    @Path("builds/{build}")
    @Operation(summary = "Get a build", description = "Poll it after an upload until its status is success or "
            + "failed. Upstream: builds_get.")
    @APIResponse(responseCode = "200", description = "The build")
    CompletionStage<Build> getBuild(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @PathParam("build") @ResourceId String build);
}
