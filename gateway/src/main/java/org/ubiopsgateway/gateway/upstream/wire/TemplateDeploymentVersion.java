package org.ubiopsgateway.gateway.upstream.wire;

import java.util.Map;

/** The version a template creates. Upstream writes some of the numbers as strings ({@code "300"}); Jackson coerces them. */
public record TemplateDeploymentVersion(String name, String environment, String description, Map<String, String> labels,
                                        String instanceTypeGroupId, Integer maximumIdleTime, Integer maximumInstances,
                                        Integer minimumInstances, String requestRetentionMode,
                                        Integer requestRetentionTime) {
}
