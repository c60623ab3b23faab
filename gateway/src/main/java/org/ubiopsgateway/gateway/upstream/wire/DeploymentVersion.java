package org.ubiopsgateway.gateway.upstream.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * A version of a deployment (deployment_versions_list, _get, _create, _update). The list leaves out the instance
 * type, {@code lastFileUpload} and the request-method flags (null there). {@code isDefault} is upstream's
 * {@code default}; {@code instanceType} is deprecated upstream.
 */
public record DeploymentVersion(String id, String deployment, String version,
                                @JsonProperty("default") Boolean isDefault, String description, String environment,
                                String environmentDisplayName, String status, String activeRevision,
                                String latestRevision, String instanceType, String instanceTypeGroupId,
                                String instanceTypeGroupName, Integer maximumInstances, Integer minimumInstances,
                                Integer maximumIdleTime, Map<String, String> labels, Timestamp creationDate,
                                Timestamp lastUpdated,
                                // the document's own examples also spell it last_file_uploaded
                                @JsonAlias("last_file_uploaded") Timestamp lastFileUpload,
                                Integer requestRetentionTime, String requestRetentionMode,
                                Integer maximumQueueSizeExpress, Integer maximumQueueSizeBatch,
                                Boolean hasRequestMethod, Boolean hasRequestsMethod, Boolean staticIp,
                                Boolean restartRequestInterruption, List<DeploymentVersionPort> ports,
                                String scalingStrategy, Integer instanceProcesses) {
}
