package org.ubiopsgateway.model.projects;

/**
 * How much of a resource a project may use.
 *
 * @param resource e.g. {@code memory_standard} (bytes), {@code cpu_standard} (vCPUs), {@code gpu_t4} (GPUs)
 * @param limit    the amount, in the resource's unit
 */
public record Quota(String resource, long limit) {
}
