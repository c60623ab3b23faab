package org.ubiopsgateway.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;
import org.ubiopsgateway.model.deployments.Labels;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionCreate;
import org.ubiopsgateway.model.deployments.VersionUpdate;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The versions of a deployment (UbiOps deployment_versions_list, _create, _get, _update, _delete). */
@Path("/api/v1/projects/{project}/deployments/{deployment}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Versions")
@APIResponse(responseCode = "400", description = "Invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project, deployment or version",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "UbiOps did not answer in time",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface VersionsApi {

    @GET
    @Operation(summary = "List the versions of a deployment",
            description = "Optionally only those with at least one of the given labels. Items carry no instance type "
                    + "group, last upload or request-method flags.")
    @APIResponse(responseCode = "200", description = "The versions")
    CompletionStage<List<Version>> list(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @QueryParam("labels") @Parameter(description = "key:value pairs separated by commas", example = "stage:canary")
            @Pattern(regexp = Labels.FILTER_PATTERN, message = Labels.FILTER_MESSAGE)
            @Size(max = Rules.LABEL_FILTER_MAX) String labels);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a version", description = "The first version of a deployment becomes its default.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new version's URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Version.class)))
    @APIResponse(responseCode = "409", description = "A version of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Version> create(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                    name = "version", value = "{\"version\": \"v3\", \"environment\": \"python3-11\", \"instanceTypeGroup\": {\"name\": \"512mb\"}, \"scaling\": {\"minimumInstances\": 0, \"maximumInstances\": 3, \"maximumIdleTime\": 300, \"strategy\": \"moderate\"}, \"retention\": {\"mode\": \"metadata\", \"time\": 86400}, \"labels\": {\"stage\": \"canary\"}}")))
            @NotNull @Valid VersionCreate version);

    @GET
    @Path("/{version}")
    @Operation(summary = "Get a version")
    @APIResponse(responseCode = "200", description = "The version")
    CompletionStage<Version> get(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version);

    @PATCH
    @Path("/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a version", description = "Fields left out stay as they are.")
    @APIResponse(responseCode = "200", description = "The updated version")
    @APIResponse(responseCode = "409", description = "The new name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Version> update(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version,
            @NotNull @Valid VersionUpdate update);

    @DELETE
    @Path("/{version}")
    @Operation(summary = "Delete a version", description = "Deleting the default version leaves the deployment without one.")
    @APIResponse(responseCode = "204", description = "Deleted")
    CompletionStage<Void> delete(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("version") @ResourceName String version);
}
