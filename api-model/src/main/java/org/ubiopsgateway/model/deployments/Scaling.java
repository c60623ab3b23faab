package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many instances of a version run, and how. In requests every field is optional (upstream defaults: 0 to 5
 * instances, 300 s idle, {@code default} strategy, one process per instance); minimum ≤ maximum.
 *
 * @param maximumIdleTime    seconds an idle instance stays up, 10 to 3600
 * @param instanceProcesses  processes started in each instance
 */
public record Scaling(@Min(0) Integer minimumInstances, @Min(0) Integer maximumInstances,
                      @Min(10) @Max(3600) Integer maximumIdleTime, ScalingStrategy strategy,
                      @Min(1) Integer instanceProcesses) {
}
