package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/**
 * A deployment (deployments_list, _get, _create, _update). {@code defaultVersion} is only answered by get and
 * update, and is null while the deployment has no default version.
 */
public record Deployment(String id, String name, String project, String description, String inputType,
                         String outputType, List<DeploymentField> inputFields, List<DeploymentField> outputFields,
                         Map<String, String> labels, Timestamp creationDate, Timestamp lastUpdated,
                         String defaultVersion) {
}
