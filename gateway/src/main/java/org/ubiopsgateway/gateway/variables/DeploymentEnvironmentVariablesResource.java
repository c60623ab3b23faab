package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.client.DeploymentEnvironmentVariablesApi;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Deployment-level environment variables and their copy: thin, everything goes through {@link VariablesService}. */
public class DeploymentEnvironmentVariablesResource implements DeploymentEnvironmentVariablesApi {

    private final VariablesService service;

    public DeploymentEnvironmentVariablesResource(VariablesService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> list(String project, String deployment) {
        return service.list(VariableScope.deployment(project, deployment)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> create(String project, String deployment, EnvironmentVariableRequest variable) {
        return service.create(VariableScope.deployment(project, deployment), variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> copy(String project, String deployment, CopyVariablesRequest source) {
        return service.copy(VariableScope.deployment(project, deployment), source).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> get(String project, String deployment, String id) {
        return service.get(VariableScope.deployment(project, deployment), id).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> update(String project, String deployment, String id,
                                                      EnvironmentVariableRequest variable) {
        return service.update(VariableScope.deployment(project, deployment), id, variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String project, String deployment, String id) {
        return service.delete(VariableScope.deployment(project, deployment), id).subscribeAsCompletionStage();
    }
}
