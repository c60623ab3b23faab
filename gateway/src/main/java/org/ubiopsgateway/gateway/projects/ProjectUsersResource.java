package org.ubiopsgateway.gateway.projects;

import org.ubiopsgateway.contract.ProjectUsersApi;
import org.ubiopsgateway.model.projects.ProjectUser;
import org.ubiopsgateway.model.projects.ProjectUserCreate;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The project member routes; the contract, its validation and its documentation are on {@link ProjectUsersApi}. */
public class ProjectUsersResource implements ProjectUsersApi {

    private final ProjectUsersService service;

    public ProjectUsersResource(ProjectUsersService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<ProjectUser>> listUsers(String project) {
        return service.list(project).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<ProjectUser> addUser(String project, ProjectUserCreate user) {
        return service.add(project, user.userId()).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<ProjectUser> getUser(String project, String id) {
        return service.get(project, id).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> removeUser(String project, String id) {
        return service.remove(project, id).subscribeAsCompletionStage();
    }
}
