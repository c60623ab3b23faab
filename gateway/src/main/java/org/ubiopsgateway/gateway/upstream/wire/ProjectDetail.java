package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;

/** A project in full (projects_get, projects_create, projects_update). {@code credits} null means no limit. */
public record ProjectDetail(String id, String name, Timestamp creationDate, Boolean advancedPermissions,
                            String organizationName, Double credits, Boolean suspended, String suspendedReason,
                            List<String> corsOrigins) {
}
