package org.ubiopsgateway.gateway.upstream.wire;

/**
 * A deployment or pipeline request as listed (project_requests_list): exactly one of {@code deployment} and
 * {@code pipeline} is set; {@code success} is null until the request finished.
 */
public record RequestOverview(String id, String deployment, String pipeline, String version, String status,
                              Boolean success, Timestamp timeCreated, Timestamp timeStarted, Timestamp timeCompleted,
                              Long inputSize, Long outputSize) {
}
