package org.ubiopsgateway.gateway.upstream.wire;

/**
 * What a log query keeps. {@code deploymentVersion} needs {@code deploymentName}; {@code pipelineVersion} needs
 * {@code pipelineName}; {@code pipelineObjectName} needs both pipeline fields. {@code level}: info or error.
 */
public record LogFilters(String deploymentName, String deploymentVersion, String deploymentVersionRevisionId,
                         String environmentName, String environmentBuildId, String pipelineName,
                         String pipelineVersion, String pipelineObjectName, String deploymentRequestId,
                         String pipelineRequestId, String webhookName, Boolean system, String level) {

    public static LogFilters deployment(String deploymentName, String deploymentVersion) {
        return new LogFilters(deploymentName, deploymentVersion, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
