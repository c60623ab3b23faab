package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/** The body of deployments_create; fields are left out for a plain input or output type. */
public record DeploymentCreate(String name, String description, String inputType, String outputType,
                               List<DeploymentField> inputFields, List<DeploymentField> outputFields,
                               Map<String, String> labels) {
}
