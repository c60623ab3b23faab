package org.ubiopsgateway.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.projects.ProjectUser;
import org.ubiopsgateway.model.projects.ProjectUserCreate;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The members of a project (UbiOps project_users_*). Members are users of the project's organization. */
@Path("/api/v1/projects/{project}/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Project users")
public interface ProjectUsersApi {

    @GET
    @Operation(summary = "List the members of a project", description = "UbiOps project_users_list.")
    @APIResponse(responseCode = "200", description = "The members")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<List<ProjectUser>> listUsers(@PathParam("project") @ResourceName String project);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a user to a project", description = "UbiOps project_users_create: the user must belong to the project's organization.")
    @APIResponse(responseCode = "201", description = "Added; Location names the membership by the user's id",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The new resource's URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectUser.class)))
    @APIResponse(responseCode = "400", description = "Invalid project name or user id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project, or no such user in the organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JSON body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<ProjectUser> addUser(@PathParam("project") @ResourceName String project,
                                         @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                                                 mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "user",
                                                 value = "{\"userId\": \"b2f6a8c0-4d1e-4a3b-9c5d-6e7f8a9b0c34\"}")))
                                         @NotNull @Valid ProjectUserCreate user);

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a member of a project", description = "UbiOps project_users_get.")
    @APIResponse(responseCode = "200", description = "The member")
    @APIResponse(responseCode = "400", description = "Invalid project name or user id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project, or the user is not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<ProjectUser> getUser(@PathParam("project") @ResourceName String project,
                                         @PathParam("id") @ResourceId String id);

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a user from a project", description = "UbiOps project_users_delete: the user's roles in the project go too.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "Invalid project name or user id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project, or the user is not a member",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Void> removeUser(@PathParam("project") @ResourceName String project,
                                     @PathParam("id") @ResourceId String id);
}
