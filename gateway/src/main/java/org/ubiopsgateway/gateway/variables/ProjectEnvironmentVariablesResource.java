package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.client.ProjectEnvironmentVariablesApi;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Project-level environment variables: thin, everything goes through {@link VariablesService}. */
public class ProjectEnvironmentVariablesResource implements ProjectEnvironmentVariablesApi {

    private final VariablesService service;

    public ProjectEnvironmentVariablesResource(VariablesService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> list(String project) {
        return service.list(VariableScope.project(project)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> create(String project, EnvironmentVariableRequest variable) {
        return service.create(VariableScope.project(project), variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> get(String project, String id) {
        return service.get(VariableScope.project(project), id).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> update(String project, String id, EnvironmentVariableRequest variable) {
        return service.update(VariableScope.project(project), id, variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String project, String id) {
        return service.delete(VariableScope.project(project), id).subscribeAsCompletionStage();
    }
}
