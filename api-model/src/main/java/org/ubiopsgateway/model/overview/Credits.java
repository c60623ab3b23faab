package org.ubiopsgateway.model.overview;

import java.util.List;

/**
 * Credits used in the current subscription period.
 *
 * @param periodStart ISO-8601, inclusive; null when UbiOps reports no period yet
 * @param periodEnd   ISO-8601, exclusive
 * @param total       the whole project
 * @param deployments per current deployment, most used first
 */
public record Credits(String periodStart, String periodEnd, double total, List<DeploymentCredits> deployments) {
}
