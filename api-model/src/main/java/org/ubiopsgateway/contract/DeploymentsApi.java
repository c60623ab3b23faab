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
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.DeploymentUpdate;
import org.ubiopsgateway.model.deployments.Labels;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The deployments of a project (UbiOps deployments_list, _create, _get, _update, _delete). */
@Path("/api/v1/projects/{project}/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments")
@APIResponse(responseCode = "400", description = "Invalid input",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project or deployment",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "UbiOps did not answer in time",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface DeploymentsApi {

    @GET
    @Operation(summary = "List the deployments of a project",
            description = "Optionally only those with at least one of the given labels. Items carry no defaultVersion.")
    @APIResponse(responseCode = "200", description = "The deployments")
    CompletionStage<List<Deployment>> list(
            @PathParam("project") @ResourceName String project,
            @QueryParam("labels") @Parameter(description = "key:value pairs separated by commas", example = "team:vision,tier:gold")
            @Pattern(regexp = Labels.FILTER_PATTERN, message = Labels.FILTER_MESSAGE)
            @Size(max = Rules.LABEL_FILTER_MAX) String labels);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a deployment")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new deployment's URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Deployment.class)))
    @APIResponse(responseCode = "409", description = "A deployment of that name exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Deployment> create(
            @PathParam("project") @ResourceName String project,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                    name = "deployment", value = "{\"name\": \"image-classifier\", \"description\": \"Classifies images\", \"inputType\": \"structured\", \"outputType\": \"structured\", \"inputFields\": [{\"name\": \"image\", \"dataType\": \"file\", \"widget\": {\"type\": \"image_preview\"}}], \"outputFields\": [{\"name\": \"label\", \"dataType\": \"string\"}], \"labels\": {\"team\": \"vision\"}}")))
            @NotNull @Valid DeploymentCreate deployment);

    @GET
    @Path("/{deployment}")
    @Operation(summary = "Get a deployment, with its default version")
    @APIResponse(responseCode = "200", description = "The deployment")
    CompletionStage<Deployment> get(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment);

    @PATCH
    @Path("/{deployment}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a deployment", description = "Fields left out stay as they are.")
    @APIResponse(responseCode = "200", description = "The updated deployment")
    @APIResponse(responseCode = "409", description = "The new name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Deployment> update(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @NotNull @Valid DeploymentUpdate update);

    @DELETE
    @Path("/{deployment}")
    @Operation(summary = "Delete a deployment with its versions")
    @APIResponse(responseCode = "204", description = "Deleted")
    CompletionStage<Void> delete(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment);
}
