package org.ubiopsgateway.gateway.activity;

import org.ubiopsgateway.contract.ActivityApi;
import org.ubiopsgateway.model.activity.AuditAction;
import org.ubiopsgateway.model.activity.AuditEvent;
import org.ubiopsgateway.model.activity.LogLevel;
import org.ubiopsgateway.model.activity.LogPage;
import org.ubiopsgateway.model.activity.Request;
import org.ubiopsgateway.model.activity.RequestObjectType;
import org.ubiopsgateway.model.activity.RequestStatus;
import org.ubiopsgateway.model.activity.SortOrder;
import org.ubiopsgateway.model.common.Page;

import java.util.concurrent.CompletionStage;

/** The activity routes; the contract, its validation and its documentation are on {@link ActivityApi}. */
public class ActivityResource implements ActivityApi {

    private final ActivityService service;

    public ActivityResource(ActivityService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<Page<AuditEvent>> listProjectAudit(String project, AuditAction action, int limit, int offset) {
        return service.projectAudit(project, action, limit, offset).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Page<AuditEvent>> listDeploymentAudit(String project, String deployment, AuditAction action,
                                                                 int limit, int offset) {
        return service.deploymentAudit(project, deployment, action, limit, offset).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Page<Request>> listRequests(String project, RequestObjectType objectType, RequestStatus status,
                                                       Boolean success, SortOrder sort, Boolean pipeline, String schedule,
                                                       String start, String end, String search, int limit, int offset) {
        return service.requests(project, new RequestSearch(objectType, status, success, sort, pipeline, schedule,
                start, end, search), limit, offset).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<LogPage> searchLogs(String project, String deployment, String version, String revision,
                                                     String environment, String build, String pipeline,
                                                     String pipelineVersion, String pipelineObject,
                                                     String deploymentRequest, String pipelineRequest, String webhook,
                                                     LogLevel level, Boolean system, String since, String sinceId,
                                                     Integer range, int limit) {
        LogSearch search = new LogSearch(deployment, version, revision, environment, build, pipeline, pipelineVersion,
                pipelineObject, deploymentRequest, pipelineRequest, webhook, level, system, since, sinceId, range, limit);
        return service.logs(project, search).subscribeAsCompletionStage();
    }
}
