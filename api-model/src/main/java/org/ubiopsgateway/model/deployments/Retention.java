package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.Min;

/**
 * What UbiOps keeps of a version's requests, and for how long (upstream default: {@code full} for a week).
 *
 * @param time seconds
 */
public record Retention(RetentionMode mode, @Min(0) Integer time) {
}
