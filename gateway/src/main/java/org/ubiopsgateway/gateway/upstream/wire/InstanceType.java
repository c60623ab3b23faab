package org.ubiopsgateway.gateway.upstream.wire;

/** A deployment instance type (instance_types_list): memory in Mi, storage in MB, credits per hour. */
public record InstanceType(String id, String name, String displayName, Integer memoryAllocation, Double cpuAllocation,
                           Integer gpuAllocation, Integer storageAllocation, Double creditRate) {
}
