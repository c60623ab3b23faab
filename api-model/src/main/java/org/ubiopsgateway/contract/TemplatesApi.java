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
import org.ubiopsgateway.model.templates.Template;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The ready-made deployments UbiOps offers. */
@Path(TemplatesApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Ready-made deployments")
public interface TemplatesApi {

    /** Repeated on the api-client interface: the REST client does not inherit an interface-level {@code @Path}. */
    String PATH = "/api/v1/templates";

    @GET
    @Operation(summary = "List deployment templates", description = "What each template creates; its id can be "
            + "given as templateId when creating a revision. Upstream: template_deployments_list.")
    @APIResponse(responseCode = "200", description = "The templates")
    @APIResponse(responseCode = "406", description = "The caller does not accept JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<List<Template>> listTemplates();
}
