package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/** What a template creates: a deployment and one version of it. */
public record TemplateDeploymentDetails(String name, String description, String inputType, String outputType,
                                        List<DeploymentField> inputFields, List<DeploymentField> outputFields,
                                        Map<String, String> labels, TemplateDeploymentVersion version) {
}
