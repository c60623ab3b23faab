package org.ubiopsgateway.model.projects;

/** How many of each kind of object a project currently holds. */
public record ProjectResources(int deployments, int deploymentVersions, int pipelines, int pipelineVersions,
                               int buckets, int environments) {
}
