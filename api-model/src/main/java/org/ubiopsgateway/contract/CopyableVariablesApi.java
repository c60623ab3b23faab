package org.ubiopsgateway.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EnvironmentVariable;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A deployment's or a version's variables: UbiOps copies into these levels, not into a project. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environment variables")
@APIResponse(responseCode = "400", description = "Invalid input, or UbiOps refused it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project, deployment or variable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface CopyableVariablesApi extends VariablesApi {

    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy a deployment's (or one of its versions') own variables to this level",
            description = "Same-named variables here are overwritten and keep their id. Answers the copied variables only.")
    @APIResponse(responseCode = "200", description = "The copied variables",
            content = @Content(schema = @Schema(implementation = EnvironmentVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EnvironmentVariable>> copy(
            @RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "from a deployment", value = VariableExamples.COPY_DEPLOYMENT),
                    @ExampleObject(name = "from a version", value = VariableExamples.COPY_VERSION)}))
            @NotNull @Valid CopyVariablesRequest source);
}
