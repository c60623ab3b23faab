package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.contract.CopyableVariablesApi;
import org.ubiopsgateway.contract.EnvironmentVariablesApi;
import org.ubiopsgateway.contract.VariablesApi;
import org.ubiopsgateway.contract.VersionVariablesApi;

/**
 * Finds a level's variables. Every level is served by the same sub-resource code, told apart only by its
 * {@link VariableScope}; the deployment and version levels add the copy, the version level the effective view.
 * The sub-resources are this request's instances (request-scoped), so a level set here is seen by this request only.
 */
public class EnvironmentVariablesResource implements EnvironmentVariablesApi {

    private final VariablesResource projects;
    private final CopyableVariablesResource deployments;
    private final VersionVariablesResource versions;

    public EnvironmentVariablesResource(VariablesResource projects, CopyableVariablesResource deployments,
                                        VersionVariablesResource versions) {
        this.projects = projects;
        this.deployments = deployments;
        this.versions = versions;
    }

    @Override
    public VariablesApi project(String project) {
        projects.at(VariableScope.project(project));
        return projects;
    }

    @Override
    public CopyableVariablesApi deployment(String project, String deployment) {
        deployments.at(VariableScope.deployment(project, deployment));
        return deployments;
    }

    @Override
    public VersionVariablesApi version(String project, String deployment, String version) {
        versions.at(VariableScope.version(project, deployment, version));
        return versions;
    }
}
