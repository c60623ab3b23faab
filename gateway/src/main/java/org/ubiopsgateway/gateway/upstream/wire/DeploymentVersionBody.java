package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/**
 * The body of deployment_versions_create and deployment_versions_update, which take the same fields. Creating,
 * only {@code version} is required and upstream defaults the rest (5/0 instances, 300 s idle, retention
 * {@code full} for a week, scaling {@code default}, one process). Updating, only the non-null fields are sent:
 * {@code version} renames, {@code labels} and {@code ports} replace the old values.
 */
public record DeploymentVersionBody(String version, String environment, String instanceTypeGroupId,
                                    String instanceTypeGroupName, Integer maximumInstances,
                                    Integer minimumInstances, Integer maximumIdleTime, String description,
                                    Map<String, String> labels, Integer requestRetentionTime,
                                    String requestRetentionMode, Integer maximumQueueSizeExpress,
                                    Integer maximumQueueSizeBatch, Boolean staticIp,
                                    Boolean restartRequestInterruption, List<DeploymentVersionPort> ports,
                                    String scalingStrategy, Integer instanceProcesses) {

    /** A version with upstream's defaults for everything but its name. */
    public static DeploymentVersionBody named(String version) {
        return new DeploymentVersionBody(version, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
