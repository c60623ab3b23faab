package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/**
 * The body of deployment_versions_create; only {@code version} is required, upstream defaults the rest (5/0
 * instances, 300 s idle, retention {@code full} for a week, scaling {@code default}, one process).
 */
public record DeploymentVersionCreate(String version, String environment, String instanceTypeGroupId,
                                      String instanceTypeGroupName, Integer maximumInstances,
                                      Integer minimumInstances, Integer maximumIdleTime, String description,
                                      Map<String, String> labels, Integer requestRetentionTime,
                                      String requestRetentionMode, Integer maximumQueueSizeExpress,
                                      Integer maximumQueueSizeBatch, Boolean staticIp,
                                      Boolean restartRequestInterruption, List<DeploymentVersionPort> ports,
                                      String scalingStrategy, Integer instanceProcesses) {

    /** A version with upstream's defaults for everything but its name. */
    public static DeploymentVersionCreate named(String version) {
        return new DeploymentVersionCreate(version, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
