package org.ubiopsgateway.contract;

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
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One level's environment variables: the operations every level has (a project's variables have only these),
 * reached through {@link EnvironmentVariablesApi}. Only the level's own variables can be read one by one, changed
 * or deleted; the list shows the inherited ones too. Each level's interface carries its own type-level annotations
 * (media type, tag, errors with its own 404): JAX-RS and OpenAPI read them from the returned type, not from the
 * types it extends.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environment variables")
@APIResponse(responseCode = "400", description = "Invalid input, or UbiOps refused it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project or variable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface VariablesApi {

    @GET
    @Operation(summary = "List the level's own variables, then those it inherits from the levels above (secrets without their value)")
    @APIResponse(responseCode = "200", description = "Own variables, then inherited ones not shadowed (with inheritedFrom)",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EnvironmentVariable>> list();

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a variable at this level (it may shadow one of the same name above)")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            headers = @Header(name = "Location", description = VariableExamples.LOCATION),
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> create(
            @RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "variable", value = VariableExamples.VARIABLE),
                    @ExampleObject(name = "secret", value = VariableExamples.SECRET)}))
            @NotNull @Valid EnvironmentVariableRequest variable);

    @GET
    @Path("{id}")
    @Operation(summary = "Get one of the level's own variables (not an inherited one)")
    @APIResponse(responseCode = "200", description = "The variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> get(@PathParam("id") @ResourceId String id);

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace one of the level's own variables: name, value and secrecy (a secret stays secret)")
    @APIResponse(responseCode = "200", description = "The updated variable",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class)))
    CompletionStage<EnvironmentVariable> update(@PathParam("id") @ResourceId String id,
                                                @NotNull @Valid EnvironmentVariableRequest variable);

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete one of the level's own variables")
    @APIResponse(responseCode = "204", description = "Deleted")
    CompletionStage<Void> delete(@PathParam("id") @ResourceId String id);
}
