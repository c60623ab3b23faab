package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.client.VersionEnvironmentVariablesApi;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EffectiveVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Version-level environment variables, their copy and the effective view: thin, everything goes through {@link VariablesService}. */
public class VersionEnvironmentVariablesResource implements VersionEnvironmentVariablesApi {

    private final VariablesService service;

    public VersionEnvironmentVariablesResource(VariablesService service) {
        this.service = service;
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> list(String project, String deployment, String version) {
        return service.list(VariableScope.version(project, deployment, version)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<EffectiveVariable>> effective(String project, String deployment, String version) {
        return service.effective(VariableScope.version(project, deployment, version)).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> create(String project, String deployment, String version,
                                                      EnvironmentVariableRequest variable) {
        return service.create(VariableScope.version(project, deployment, version), variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> copy(String project, String deployment, String version,
                                                          CopyVariablesRequest source) {
        return service.copy(VariableScope.version(project, deployment, version), source).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> get(String project, String deployment, String version, String id) {
        return service.get(VariableScope.version(project, deployment, version), id).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> update(String project, String deployment, String version, String id,
                                                      EnvironmentVariableRequest variable) {
        return service.update(VariableScope.version(project, deployment, version), id, variable)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String project, String deployment, String version, String id) {
        return service.delete(VariableScope.version(project, deployment, version), id).subscribeAsCompletionStage();
    }
}
