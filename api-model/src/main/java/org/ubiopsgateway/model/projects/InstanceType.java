package org.ubiopsgateway.model.projects;

/**
 * A size of deployment instance available to a project.
 *
 * @param name           what a version's settings name it by, e.g. {@code 512mb}
 * @param memoryMi       memory in MiB
 * @param cpus           vCPUs (fractions allowed)
 * @param storageMb      the most storage an instance may use, in MB
 * @param creditsPerHour credits one running instance uses per hour
 */
public record InstanceType(String id, String name, String displayName, Integer memoryMi, Double cpus, Integer gpus,
                           Integer storageMb, Double creditsPerHour) {
}
