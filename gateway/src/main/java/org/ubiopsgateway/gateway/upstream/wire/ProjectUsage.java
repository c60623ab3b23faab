package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;

/**
 * Credit usage of a project (projects_usage_get): the whole project, each deployment, and deployments deleted
 * since, per period of {@code interval} ({@code day} or {@code month}).
 */
public record ProjectUsage(String interval, List<UsagePeriod> dataProject, List<UsageDeployment> dataDeployments,
                           List<UsagePeriod> dataDeletedDeployments) {
}
