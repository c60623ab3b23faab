package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;
import java.util.Map;

/**
 * The body of deployment_versions_update: only the non-null fields are sent; {@code version} renames, and
 * {@code labels} and {@code ports} replace the old values.
 */
public record DeploymentVersionUpdate(String version, String environment, String instanceTypeGroupId,
                                      String instanceTypeGroupName, Integer maximumInstances,
                                      Integer minimumInstances, Integer maximumIdleTime, String description,
                                      Map<String, String> labels, Integer requestRetentionTime,
                                      String requestRetentionMode, Integer maximumQueueSizeExpress,
                                      Integer maximumQueueSizeBatch, Boolean staticIp,
                                      Boolean restartRequestInterruption, List<DeploymentVersionPort> ports,
                                      String scalingStrategy, Integer instanceProcesses) {
}
