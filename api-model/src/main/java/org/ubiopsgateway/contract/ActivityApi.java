package org.ubiopsgateway.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ubiopsgateway.model.activity.AuditAction;
import org.ubiopsgateway.model.activity.AuditEvent;
import org.ubiopsgateway.model.activity.IsoDateTime;
import org.ubiopsgateway.model.activity.LogLevel;
import org.ubiopsgateway.model.activity.LogLine;
import org.ubiopsgateway.model.activity.LogPage;
import org.ubiopsgateway.model.activity.Request;
import org.ubiopsgateway.model.activity.RequestObjectType;
import org.ubiopsgateway.model.activity.RequestStatus;
import org.ubiopsgateway.model.activity.SortOrder;
import org.ubiopsgateway.model.common.Page;
import org.ubiopsgateway.model.common.Problem;
import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;

import java.util.concurrent.CompletionStage;

/**
 * What happened in a project, as pages: audit events (of the project, or of one deployment), requests and log
 * lines. Audit events and requests page by {@code limit}/{@code offset}; logs by cursor (see {@link #searchLogs}).
 */
@Path("/api/v1/projects/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity")
public interface ActivityApi {

    /** The largest log time window UbiOps accepts, in seconds either way. */
    int LOG_RANGE_MAX = 86400;

    @GET
    @Path("/audit")
    @Operation(summary = "Audit events of a project", description = "UbiOps project_audit_events_list: every object "
            + "in the project, newest first.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid project name, action, limit or offset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Page<AuditEvent>> listProjectAudit(
            @PathParam("project") @ResourceName String project,
            @Parameter(description = "Only events of this action") @QueryParam("action") AuditAction action,
            @QueryParam("limit") @DefaultValue("" + Rules.DEFAULT_LIMIT) @Min(Rules.LIMIT_MIN) @Max(Rules.LIMIT_MAX) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Rules.OFFSET_MAX) int offset);

    @GET
    @Path("/deployments/{deployment}/audit")
    @Operation(summary = "Audit events of a deployment", description = "UbiOps deployment_audit_events_list: the "
            + "deployment and its versions, newest first.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "Invalid name, action, limit or offset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project or deployment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Page<AuditEvent>> listDeploymentAudit(
            @PathParam("project") @ResourceName String project,
            @PathParam("deployment") @ResourceName String deployment,
            @Parameter(description = "Only events of this action") @QueryParam("action") AuditAction action,
            @QueryParam("limit") @DefaultValue("" + Rules.DEFAULT_LIMIT) @Min(Rules.LIMIT_MIN) @Max(Rules.LIMIT_MAX) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Rules.OFFSET_MAX) int offset);

    @GET
    @Path("/requests")
    @Operation(summary = "Requests in a project", description = "UbiOps project_requests_list: deployment requests, "
            + "or pipeline requests with objectType=pipeline; newest first unless sort=asc.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Invalid project name or filter, limit or offset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<Page<Request>> listRequests(
            @PathParam("project") @ResourceName String project,
            @Parameter(description = "Requests to deployments or to pipelines")
            @QueryParam("objectType") @DefaultValue("deployment") RequestObjectType objectType,
            @QueryParam("status") RequestStatus status,
            @Parameter(description = "Only requests that succeeded (true) or did not (false)")
            @QueryParam("success") Boolean success,
            @Parameter(description = "By creation time; default desc")
            @QueryParam("sort") SortOrder sort,
            @Parameter(description = "Only deployment requests that were (true) or were not (false) part of a pipeline request")
            @QueryParam("pipeline") Boolean pipeline,
            @Parameter(description = "Only requests created by this request schedule")
            @QueryParam("schedule") @ResourceName String schedule,
            @Parameter(description = "Created at or after; ISO-8601") @QueryParam("start") @IsoDateTime String start,
            @Parameter(description = "Created at or before; ISO-8601") @QueryParam("end") @IsoDateTime String end,
            @Parameter(description = "Part of a request id")
            @QueryParam("search") @Pattern(regexp = "^[0-9a-fA-F-]{1,36}$", message = "must be part of a request id: hexadecimal digits and dashes")
            String search,
            @QueryParam("limit") @DefaultValue("" + Rules.DEFAULT_LIMIT) @Min(Rules.LIMIT_MIN) @Max(Rules.LIMIT_MAX) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(Rules.OFFSET_MAX) int offset);

    /**
     * Searches a project's log lines (UbiOps projects_log_list, whose POST body the parameters become).
     * <p>
     * A search reads away from its starting point ({@code since}, {@code sinceId} or, without either, now) over at
     * most {@code range} seconds: towards the past when {@code range} is negative (the default, six hours back),
     * towards the present otherwise. The items come in that reading order: newest first when reading back,
     * oldest first when reading forward.
     * <p>
     * Paging is by cursor, not offset, because UbiOps has no offset for logs: {@code nextSinceId} is null on the
     * last page; when it is not null, more lines follow, and the next page is the same search with
     * {@code sinceId=nextSinceId} (and no {@code since}). The line named by {@code sinceId} is not repeated. Each page
     * reads up to {@code range} seconds from its own starting point. At a {@code limit} of 499 or 500 the gateway
     * cannot look past UbiOps's 500-line maximum: a full page then has a {@code nextSinceId}, and the page after it
     * may be empty.
     */
    @GET
    @Path("/logs")
    @Operation(summary = "Search the logs of a project", description = "UbiOps projects_log_list. Reads away from "
            + "`since`/`sinceId`/now over `range` seconds (negative: back in time, the default -21600; positive: "
            + "forward); items in that order. Next page: same query with `sinceId` = `nextSinceId`, while that is not "
            + "null.")
    @APIResponse(responseCode = "200", description = "A page of log lines")
    @APIResponse(responseCode = "400", description = "Invalid filter, a filter without the one it needs "
            + "(version needs deployment, pipelineVersion needs pipeline, pipelineObject needs both), since together "
            + "with sinceId, or range or limit out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project, or no log line with id sinceId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    CompletionStage<LogPage> searchLogs(
            @PathParam("project") @ResourceName String project,
            @QueryParam("deployment") @ResourceName String deployment,
            @Parameter(description = "A version of `deployment` (which it needs)")
            @QueryParam("version") @ResourceName String version,
            @Parameter(description = "A deployment version revision's id")
            @QueryParam("revision") @ResourceId String revision,
            @QueryParam("environment") @ResourceName String environment,
            @Parameter(description = "An environment build's id")
            @QueryParam("build") @ResourceId String build,
            @QueryParam("pipeline") @ResourceName String pipeline,
            @Parameter(description = "A version of `pipeline` (which it needs)")
            @QueryParam("pipelineVersion") @ResourceName String pipelineVersion,
            @Parameter(description = "An object in `pipeline` `pipelineVersion` (which it needs)")
            @QueryParam("pipelineObject") @ResourceName String pipelineObject,
            @Parameter(description = "A deployment request's id")
            @QueryParam("deploymentRequest") @ResourceId String deploymentRequest,
            @Parameter(description = "A pipeline request's id")
            @QueryParam("pipelineRequest") @ResourceId String pipelineRequest,
            @QueryParam("webhook") @ResourceName String webhook,
            @QueryParam("level") LogLevel level,
            @Parameter(description = "Only lines of the system (true) or of user code (false)")
            @QueryParam("system") Boolean system,
            @Parameter(description = "Starting point, inclusive; ISO-8601. Not with sinceId")
            @QueryParam("since") @IsoDateTime String since,
            @Parameter(description = "Starting point: the line with this id, exclusive (the cursor of the next page). Not with since")
            @QueryParam("sinceId") @Pattern(regexp = LogLine.ID_PATTERN, message = LogLine.ID_MESSAGE) String sinceId,
            @Parameter(description = "Seconds to read from the starting point: negative back in time, positive forward; default -21600")
            @QueryParam("range") @Min(-LOG_RANGE_MAX) @Max(LOG_RANGE_MAX) Integer range,
            @QueryParam("limit") @DefaultValue("" + Rules.DEFAULT_LIMIT) @Min(Rules.LIMIT_MIN) @Max(Rules.LIMIT_MAX) int limit);
}
