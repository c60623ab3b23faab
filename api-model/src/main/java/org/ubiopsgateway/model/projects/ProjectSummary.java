package org.ubiopsgateway.model.projects;

/**
 * A project as listed.
 *
 * @param creationDate ISO-8601: a date-time, or a bare date when upstream gives only the day
 */
public record ProjectSummary(String id, String name, String organization, String creationDate,
                             boolean advancedPermissions) {
}
