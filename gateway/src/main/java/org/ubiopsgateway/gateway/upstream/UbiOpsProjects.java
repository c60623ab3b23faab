package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
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
import org.ubiopsgateway.gateway.upstream.wire.AuditEvent;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;
import org.ubiopsgateway.gateway.upstream.wire.InstanceType;
import org.ubiopsgateway.gateway.upstream.wire.LogLine;
import org.ubiopsgateway.gateway.upstream.wire.LogQuery;
import org.ubiopsgateway.gateway.upstream.wire.ProjectCreate;
import org.ubiopsgateway.gateway.upstream.wire.ProjectDetail;
import org.ubiopsgateway.gateway.upstream.wire.ProjectResourceUsage;
import org.ubiopsgateway.gateway.upstream.wire.ProjectSummary;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUpdate;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUsage;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUser;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUserCreate;
import org.ubiopsgateway.gateway.upstream.wire.QuotaDetail;
import org.ubiopsgateway.gateway.upstream.wire.RequestOverview;

import java.util.List;

/**
 * The 21 project operations of UbiOps API v2.1 ({@code projects-api.txt}). Query parameters are nullable:
 * a null one is not sent and upstream's default applies. Errors arrive as {@link UpstreamException}s.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UbiOpsProjects {

    String PROJECT = "/projects/{project_name}";

    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper base) {
        return UpstreamJson.mapper(base);
    }

    /** projects_list */
    @GET
    @Path("/projects")
    Uni<List<ProjectSummary>> listProjects(@QueryParam("organization") String organization);

    /** projects_create */
    @POST
    @Path("/projects")
    Uni<ProjectDetail> createProject(ProjectCreate project);

    /** projects_get */
    @GET
    @Path(PROJECT)
    Uni<ProjectDetail> getProject(@PathParam("project_name") String projectName);

    /** projects_update */
    @PATCH
    @Path(PROJECT)
    Uni<ProjectDetail> updateProject(@PathParam("project_name") String projectName, ProjectUpdate update);

    /** projects_delete */
    @DELETE
    @Path(PROJECT)
    Uni<Void> deleteProject(@PathParam("project_name") String projectName);

    /** projects_resource_usage */
    @GET
    @Path(PROJECT + "/resources")
    Uni<ProjectResourceUsage> getResourceUsage(@PathParam("project_name") String projectName);

    /** projects_usage_get; {@code interval} is {@code day} or {@code month} (upstream's default). */
    @GET
    @Path(PROJECT + "/usage")
    Uni<ProjectUsage> getUsage(@PathParam("project_name") String projectName,
                               @QueryParam("start_date") String startDate,
                               @QueryParam("end_date") String endDate,
                               @QueryParam("interval") String interval);

    /** quotas_list */
    @GET
    @Path(PROJECT + "/quotas")
    Uni<List<QuotaDetail>> listQuotas(@PathParam("project_name") String projectName);

    /** instance_types_list */
    @GET
    @Path(PROJECT + "/instance-types")
    Uni<List<InstanceType>> listInstanceTypes(@PathParam("project_name") String projectName);

    /** project_audit_events_list; {@code action} is create, update, delete or info; upstream's limit default is 50. */
    @GET
    @Path(PROJECT + "/audit")
    Uni<List<AuditEvent>> listAuditEvents(@PathParam("project_name") String projectName,
                                          @QueryParam("action") String action,
                                          @QueryParam("limit") Integer limit,
                                          @QueryParam("offset") Integer offset);

    /** project_requests_list; {@code objectType} (deployment or pipeline) is required by upstream. */
    @GET
    @Path(PROJECT + "/requests")
    Uni<List<RequestOverview>> listRequests(@PathParam("project_name") String projectName,
                                            @QueryParam("object_type") String objectType,
                                            @QueryParam("status") String status,
                                            @QueryParam("success") Boolean success,
                                            @QueryParam("limit") Integer limit,
                                            @QueryParam("offset") Integer offset,
                                            @QueryParam("sort") String sort,
                                            @QueryParam("pipeline") Boolean pipeline,
                                            @QueryParam("request_schedule") String requestSchedule,
                                            @QueryParam("start_date") String startDate,
                                            @QueryParam("end_date") String endDate,
                                            @QueryParam("search_id") String searchId);

    /** projects_log_list; a null query asks for the newest lines of the last six hours. A read, though a POST. */
    @POST
    @Idempotent
    @Path(PROJECT + "/logs")
    Uni<List<LogLine>> listLogs(@PathParam("project_name") String projectName, LogQuery query);

    /** project_users_list; {@code userType} is passed through as upstream names it. */
    @GET
    @Path(PROJECT + "/users")
    Uni<List<ProjectUser>> listUsers(@PathParam("project_name") String projectName,
                                     @QueryParam("user_type") String userType);

    /** project_users_create */
    @POST
    @Path(PROJECT + "/users")
    Uni<ProjectUser> addUser(@PathParam("project_name") String projectName, ProjectUserCreate user);

    /** project_users_get */
    @GET
    @Path(PROJECT + "/users/{user_id}")
    Uni<ProjectUser> getUser(@PathParam("project_name") String projectName, @PathParam("user_id") String userId);

    /** project_users_delete */
    @DELETE
    @Path(PROJECT + "/users/{user_id}")
    Uni<Void> removeUser(@PathParam("project_name") String projectName, @PathParam("user_id") String userId);

    /** project_environment_variables_list */
    @GET
    @Path(PROJECT + "/environment-variables")
    Uni<List<EnvironmentVariable>> listEnvironmentVariables(@PathParam("project_name") String projectName);

    /** project_environment_variables_create */
    @POST
    @Path(PROJECT + "/environment-variables")
    Uni<EnvironmentVariable> createEnvironmentVariable(@PathParam("project_name") String projectName,
                                                       EnvironmentVariableCreate variable);

    /** project_environment_variables_get (one object, as its documented return type says; the example's list is not followed) */
    @GET
    @Path(PROJECT + "/environment-variables/{id}")
    Uni<EnvironmentVariable> getEnvironmentVariable(@PathParam("project_name") String projectName,
                                                    @PathParam("id") String id);

    /** project_environment_variables_update; name, value and secret are all required by upstream. */
    @PATCH
    @Path(PROJECT + "/environment-variables/{id}")
    Uni<EnvironmentVariable> updateEnvironmentVariable(@PathParam("project_name") String projectName,
                                                       @PathParam("id") String id,
                                                       EnvironmentVariableCreate variable);

    /** project_environment_variables_delete */
    @DELETE
    @Path(PROJECT + "/environment-variables/{id}")
    Uni<Void> deleteEnvironmentVariable(@PathParam("project_name") String projectName, @PathParam("id") String id);
}
