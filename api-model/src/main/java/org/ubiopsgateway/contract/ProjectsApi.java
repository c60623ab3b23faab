package org.ubiopsgateway.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.activity.IsoDateTime;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.projects.InstanceType;
import org.ubiopsgateway.model.projects.Project;
import org.ubiopsgateway.model.projects.ProjectCreate;
import org.ubiopsgateway.model.projects.ProjectResources;
import org.ubiopsgateway.model.projects.ProjectSummary;
import org.ubiopsgateway.model.projects.ProjectUpdate;
import org.ubiopsgateway.model.projects.ProjectUsage;
import org.ubiopsgateway.model.projects.Quota;
import org.ubiopsgateway.model.projects.UsageInterval;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Projects: create, read, change, delete, and what a project uses and may use (UbiOps projects_*, quotas, instance types). */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public interface ProjectsApi {

    @GET
    @Operation(summary = "List projects", description = "The projects in the caller's projects claim that UbiOps knows (UbiOps projects_list).")
    @APIResponse(responseCode = "200", description = "The projects")
    @APIResponse(responseCode = "400", description = "Invalid organization name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "UbiOps failed or refused the gateway's credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<List<ProjectSummary>> listProjects(
            @Parameter(description = "Only the projects of this organization")
            @QueryParam("organization") @ResourceName String organization);

    @POST
    @Created
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a project", description = "UbiOps projects_create. Project names are globally unique.")
    @APIResponse(responseCode = "201", description = "Created; Location names the project",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The new resource's URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JSON body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Project> createProject(
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "minimal",
                    value = "{\"name\": \"project-1\", \"organization\": \"demo-organization\"}")))
            @NotNull @Valid ProjectCreate project);

    @GET
    @Path("/{project}")
    @Operation(summary = "Get a project", description = "UbiOps projects_get.")
    @APIResponse(responseCode = "200", description = "The project")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Project> getProject(@PathParam("project") @ResourceName String project);

    @PATCH
    @Path("/{project}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a project", description = "UbiOps projects_update: only the fields given change.")
    @APIResponse(responseCode = "200", description = "The project as changed")
    @APIResponse(responseCode = "400", description = "Invalid project name or body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new name is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JSON body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Project> updateProject(@PathParam("project") @ResourceName String project,
                                           @NotNull @Valid ProjectUpdate update);

    @DELETE
    @Path("/{project}")
    @Operation(summary = "Delete a project", description = "UbiOps projects_delete: with everything in it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Void> deleteProject(@PathParam("project") @ResourceName String project);

    @GET
    @Path("/{project}/usage")
    @Operation(summary = "Credit usage of a project", description = "UbiOps projects_usage_get: per day or month, for "
            + "the project, each deployment and the deleted deployments. Without dates: the current subscription period.")
    @APIResponse(responseCode = "200", description = "The usage")
    @APIResponse(responseCode = "400", description = "Invalid project name, date or interval, or end not after start",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<ProjectUsage> getUsage(@PathParam("project") @ResourceName String project,
                                           @Parameter(description = "ISO-8601 date or date-time")
                                           @QueryParam("start") @IsoDateTime String start,
                                           @Parameter(description = "ISO-8601 date or date-time, after start")
                                           @QueryParam("end") @IsoDateTime String end,
                                           @Parameter(description = "Period length; UbiOps's default is month")
                                           @QueryParam("interval") UsageInterval interval);

    @GET
    @Path("/{project}/resources")
    @Operation(summary = "Object counts of a project", description = "UbiOps projects_resource_usage.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<ProjectResources> getResources(@PathParam("project") @ResourceName String project);

    @GET
    @Path("/{project}/quotas")
    @Operation(summary = "Quotas of a project", description = "UbiOps quotas_list.")
    @APIResponse(responseCode = "200", description = "The quotas")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<List<Quota>> listQuotas(@PathParam("project") @ResourceName String project);

    @GET
    @Path("/{project}/instance-types")
    @Operation(summary = "Instance types available to a project", description = "UbiOps instance_types_list.")
    @APIResponse(responseCode = "200", description = "The instance types")
    @APIResponse(responseCode = "400", description = "Invalid project name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<List<InstanceType>> listInstanceTypes(@PathParam("project") @ResourceName String project);
}
