package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.contract.VersionsApi;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionCreate;
import org.ubiopsgateway.model.deployments.VersionUpdate;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** The versions routes; the contract (paths, validation, documentation) is {@link VersionsApi}'s. */
public class VersionsResource implements VersionsApi {

    private final VersionService versions;

    public VersionsResource(VersionService versions) {
        this.versions = versions;
    }

    @Override
    public CompletionStage<List<Version>> list(String project, String deployment, String labels) {
        return versions.list(project, deployment, labels).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Version> create(String project, String deployment, VersionCreate version) {
        return versions.create(project, deployment, version).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Version> get(String project, String deployment, String version) {
        return versions.get(project, deployment, version).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Version> update(String project, String deployment, String version, VersionUpdate update) {
        return versions.update(project, deployment, version, update).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Void> delete(String project, String deployment, String version) {
        return versions.delete(project, deployment, version).subscribeAsCompletionStage();
    }
}
