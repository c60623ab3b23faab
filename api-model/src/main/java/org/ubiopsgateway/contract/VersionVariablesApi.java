package org.ubiopsgateway.contract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.variables.EffectiveVariable;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A version's variables: the level a model runs at, so the one with an effective view. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Environment variables")
@APIResponse(responseCode = "400", description = "Invalid input, or UbiOps refused it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such project, deployment, version or variable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public interface VersionVariablesApi extends CopyableVariablesApi {

    @GET
    @Path("effective")
    @Operation(summary = "The variables the version runs with, after project → deployment → version shadowing",
            description = "Each variable names the level it comes from and the less specific definitions it shadows. Sorted by name.")
    @APIResponse(responseCode = "200", description = "The effective variables",
            content = @Content(schema = @Schema(implementation = EffectiveVariable.class, type = SchemaType.ARRAY)))
    CompletionStage<List<EffectiveVariable>> effective();
}
