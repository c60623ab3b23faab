package org.ubiopsgateway.contract;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.me.Me;

import java.util.concurrent.CompletionStage;

/** The caller itself: what the gateway read from its token. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller")
public interface MeApi {

    @GET
    @Operation(summary = "Who am I", description = "The subject, roles and projects of the caller's token. Any valid token may ask.")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No token, or an invalid one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Me> me();
}
