package org.ubiopsgateway.contract;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.ubiopsgateway.model.common.ResourceName;

/**
 * Environment variables at the three levels that own them: a project, a deployment, a version. Each level is a
 * sub-resource with the same operations ({@link VariablesApi}); a deployment and a version can also copy
 * ({@link CopyableVariablesApi}), and a version shows what it runs with ({@link VersionVariablesApi}). A more
 * specific level's variable shadows a less specific one of the same name.
 * <pre>{@code
 * variables.version("demo-project", "churn-model", "v1").effective()
 * }</pre>
 */
@Path("/api/v1/projects/{project}")
public interface EnvironmentVariablesApi {

    /** The project's variables, inherited by all its deployments and their versions. */
    @Path("environment-variables")
    VariablesApi project(@PathParam("project") @ResourceName String project);

    /** The deployment's variables, inherited by all its versions. */
    @Path("deployments/{deployment}/environment-variables")
    CopyableVariablesApi deployment(@PathParam("project") @ResourceName String project,
                                    @PathParam("deployment") @ResourceName String deployment);

    /** The version's variables. */
    @Path("deployments/{deployment}/versions/{version}/environment-variables")
    VersionVariablesApi version(@PathParam("project") @ResourceName String project,
                                @PathParam("deployment") @ResourceName String deployment,
                                @PathParam("version") @ResourceName String version);
}
