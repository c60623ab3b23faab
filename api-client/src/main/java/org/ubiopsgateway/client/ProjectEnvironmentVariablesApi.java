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
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A project's environment variables, inherited by all its deployments and their versions. */
@Path("/api/v1/projects/{project}/environment-variables")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environment variables")
@APIResponse(responseCode = "400", description = "Invalid input, or UbiOps refused it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project or variable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface ProjectEnvironmentVariablesApi {

    @GET
    @Operation(summary = "List a project's environment variables (secrets without their value)")
    @APIResponse(responseCode = "200", description = "The project's variables",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EnvironmentVariable>> list(
            @PathParam("project") @ResourceName String project);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project environment variable")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location", description = VariableExamples.LOCATION),
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> create(
            @PathParam("project") @ResourceName String project,
            @RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "variable", value = VariableExamples.VARIABLE),
                    @ExampleObject(name = "secret", value = VariableExamples.SECRET)}))
            @NotNull @Valid EnvironmentVariableRequest variable);

    @GET
    @Path("{id}")
    @Operation(summary = "Get a project environment variable")
    @APIResponse(responseCode = "200", description = "The variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> get(
            @PathParam("project") @ResourceName String project,
            @PathParam("id") @ResourceId String id);

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a project environment variable's name, value and secrecy (a secret stays secret)")
    @APIResponse(responseCode = "200", description = "The updated variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> update(
            @PathParam("project") @ResourceName String project,
            @PathParam("id") @ResourceId String id,
            @NotNull @Valid EnvironmentVariableRequest variable);

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a project environment variable")
    @APIResponse(responseCode = "204", description = "Deleted")
    CompletionStage<Void> delete(
            @PathParam("project") @ResourceName String project,
            @PathParam("id") @ResourceId String id);
}
