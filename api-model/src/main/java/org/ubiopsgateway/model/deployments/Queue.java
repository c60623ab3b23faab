package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.Min;

/** The most requests that may wait for a version's instances (upstream defaults: 100 express, 100000 batch). */
public record Queue(@Min(0) Integer expressSize, @Min(0) Integer batchSize) {
}
