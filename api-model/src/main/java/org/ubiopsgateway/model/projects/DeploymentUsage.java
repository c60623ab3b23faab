package org.ubiopsgateway.model.projects;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One deployment's credit usage per period.
 *
 * @param versionId present, with {@code version}, when upstream reports the usage per version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentUsage(String deploymentId, String deployment, String versionId, String version,
                              List<UsagePeriod> periods) {
}
