package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/** The body of deployments_update: only the non-null fields are sent; {@code labels} replace the old ones. */
public record DeploymentUpdate(String name, String description, Map<String, String> labels, String defaultVersion,
                               List<DeploymentField> inputFields, List<DeploymentField> outputFields) {
}
