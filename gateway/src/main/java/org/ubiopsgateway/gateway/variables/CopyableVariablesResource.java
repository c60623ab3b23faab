package org.ubiopsgateway.gateway.variables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import org.ubiopsgateway.contract.CopyableVariablesApi;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EnvironmentVariable;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A deployment's or a version's variables: those of any level, plus the copy into it. */
@RequestScoped
@Typed(CopyableVariablesResource.class)
public class CopyableVariablesResource extends VariablesResource implements CopyableVariablesApi {

    @Override
    public CompletionStage<List<EnvironmentVariable>> copy(CopyVariablesRequest source) {
        return service.copy(scope, source).subscribeAsCompletionStage();
    }
}
