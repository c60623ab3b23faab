package org.ubiopsgateway.gateway.variables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.ubiopsgateway.contract.VariablesApi;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One level's variables, any level: thin, everything goes through {@link VariablesService} with the level's scope.
 * A request-scoped bean, told its scope by the locator, rather than an object the locator makes: Quarkus checks the
 * contract's constraints (ids, bodies) only on the methods of beans.
 */
@RequestScoped
@Typed(VariablesResource.class) // each level's bean under its own class only: its subclasses are beans too
public class VariablesResource implements VariablesApi {

    // Field injection: the client proxies of a normal-scoped bean and of its subclasses need a no-args constructor.
    @Inject
    VariablesService service;
    VariableScope scope;

    /** This request's level; the locator sets it before any operation runs. */
    void at(VariableScope scope) {
        this.scope = scope;
    }

    @Override
    public CompletionStage<List<EnvironmentVariable>> list() {
        return service.list(scope).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> create(EnvironmentVariableRequest variable) {
        return service.create(scope, variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> get(String id) {
        return service.get(scope, id).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<EnvironmentVariable> update(String id, EnvironmentVariableRequest variable) {
        return service.update(scope, id, variable).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String id) {
        return service.delete(scope, id).subscribeAsCompletionStage();
    }
}
