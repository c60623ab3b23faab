package org.ubiopsgateway.gateway.upstream.wire;

/** One log line (projects_log_list); the fields after {@code date} are present only when set for the line. */
public record LogLine(String id, String log, Timestamp date, String deploymentName, String deploymentVersion,
                      String deploymentVersionRevisionId, String environmentName, String environmentBuildId,
                      String pipelineName, String pipelineVersion, String pipelineObjectName,
                      String deploymentRequestId, String pipelineRequestId, Boolean system, String level) {
}
