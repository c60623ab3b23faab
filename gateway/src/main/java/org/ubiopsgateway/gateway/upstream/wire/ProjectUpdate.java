package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;

/** The body of projects_update: only the non-null fields are sent, so only they change. */
public record ProjectUpdate(String name, Boolean advancedPermissions, Double credits, Boolean suspend,
                            List<String> corsOrigins) {
}
