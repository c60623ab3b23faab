package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.contract.DeploymentsApi;
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.DeploymentUpdate;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The deployments routes; the contract (paths, validation, documentation) is {@link DeploymentsApi}'s. */
public class DeploymentsResource implements DeploymentsApi {

    private final DeploymentService deployments;

    public DeploymentsResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @Override
    public CompletionStage<List<Deployment>> list(String project, String labels) {
        return deployments.list(project, labels).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Deployment> create(String project, DeploymentCreate deployment) {
        return deployments.create(project, deployment).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Deployment> get(String project, String deployment) {
        return deployments.get(project, deployment).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Deployment> update(String project, String deployment, DeploymentUpdate update) {
        return deployments.update(project, deployment, update).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String project, String deployment) {
        return deployments.delete(project, deployment).subscribeAsCompletionStage();
    }
}
