package org.ubiopsgateway.model.projects;

import java.util.List;

/**
 * A project's credit usage per period of {@code interval}.
 *
 * @param project            the whole project
 * @param deployments        each current deployment
 * @param deletedDeployments the deployments deleted since, together
 */
public record ProjectUsage(UsageInterval interval, List<UsagePeriod> project, List<DeploymentUsage> deployments,
                           List<UsagePeriod> deletedDeployments) {
}
