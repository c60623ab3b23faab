package org.ubiopsgateway.gateway.upstream.wire;

/** How many objects a project holds (projects_resource_usage). */
public record ProjectResourceUsage(Integer deployments, Integer deploymentVersions, Integer pipelines,
                                   Integer pipelineVersions, Integer buckets, Integer environments) {
}
