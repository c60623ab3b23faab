package org.ubiopsgateway.gateway.projects;

import org.ubiopsgateway.contract.ProjectsApi;
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

/** The project routes; the contract, its validation and its documentation are on {@link ProjectsApi}. */
public class ProjectsResource implements ProjectsApi {

    private final ProjectsService service;

    public ProjectsResource(ProjectsService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<ProjectSummary>> listProjects(String organization) {
        return service.list(organization).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Project> createProject(ProjectCreate project) {
        return service.create(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Project> getProject(String project) {
        return service.get(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Project> updateProject(String project, ProjectUpdate update) {
        return service.update(project, update).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> deleteProject(String project) {
        return service.delete(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<ProjectUsage> getUsage(String project, String start, String end, UsageInterval interval) {
        return service.usage(project, start, end, interval).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<ProjectResources> getResources(String project) {
        return service.resources(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<Quota>> listQuotas(String project) {
        return service.quotas(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<InstanceType>> listInstanceTypes(String project) {
        return service.instanceTypes(project).subscribeAsCompletionStage();
    }
}
