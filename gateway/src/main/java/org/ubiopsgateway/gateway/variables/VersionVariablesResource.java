package org.ubiopsgateway.gateway.variables;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Typed;
import org.ubiopsgateway.contract.VersionVariablesApi;
import org.ubiopsgateway.model.variables.EffectiveVariable;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** A version's variables: those of a deployment, plus what the version runs with. */
@RequestScoped
@Typed(VersionVariablesResource.class)
public class VersionVariablesResource extends CopyableVariablesResource implements VersionVariablesApi {

    @Override
    public CompletionStage<List<EffectiveVariable>> effective() {
        return service.effective(scope).subscribeAsCompletionStage();
    }
}
