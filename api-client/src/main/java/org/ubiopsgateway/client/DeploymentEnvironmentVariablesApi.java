package org.ubiopsgateway.client;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A deployment's environment variables, inherited by all its versions. A deployment variable shadows a project
 * variable of the same name.
 */
@Path("/api/v1/projects/{project}/deployments/{deployment}/environment-variables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environment variables")
@APIResponse(responseCode = "400", description = "Invalid input, or UbiOps refused it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project, deployment or variable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface DeploymentEnvironmentVariablesApi {

    @GET
    @Operation(summary = "List a deployment's variables and the project variables it inherits (secrets without their value)")
    @APIResponse(responseCode = "200", description = "Own variables, then inherited ones (with inheritedFrom)",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EnvironmentVariable>> list(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a deployment environment variable (may shadow a project variable)")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location", description = VariableExamples.LOCATION),
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> create(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "variable", value = VariableExamples.VARIABLE),
                    @ExampleObject(name = "secret", value = VariableExamples.SECRET)}))
            @NotNull @Valid EnvironmentVariableRequest variable);

    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy a deployment's (or one of its versions') own variables to this deployment",
            description = "Same-named variables here are overwritten and keep their id. Answers the copied variables only.")
    @APIResponse(responseCode = "200", description = "The copied variables",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EnvironmentVariable>> copy(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "from a deployment", value = VariableExamples.COPY_DEPLOYMENT),
                    @ExampleObject(name = "from a version", value = VariableExamples.COPY_VERSION)}))
            @NotNull @Valid CopyVariablesRequest source);

    @GET
    @Path("{id}")
    @Operation(summary = "Get one of the deployment's own environment variables (not an inherited one)")
    @APIResponse(responseCode = "200", description = "The variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> get(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("id") @ResourceId String id);

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace one of the deployment's own variables: name, value and secrecy (a secret stays secret)")
    @APIResponse(responseCode = "200", description = "The updated variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> update(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("id") @ResourceId String id,
            @NotNull @Valid EnvironmentVariableRequest variable);

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete one of the deployment's own environment variables")
    @APIResponse(responseCode = "204", description = "Deleted")
    CompletionStage<Void> delete(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @PathParam("id") @ResourceId String id);
}
