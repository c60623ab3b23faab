package org.ubiopsgateway.gateway.upstream.wire;

/** A project as listed (projects_list). */
public record ProjectSummary(String id, String name, Timestamp creationDate, Boolean advancedPermissions,
                             String organizationName) {
}
