package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;

/** The body of projects_create; {@code name} and {@code organizationName} are required, the rest optional. */
public record ProjectCreate(String name, String organizationName, Boolean advancedPermissions, Double credits,
                            List<String> corsOrigins) {

    public static ProjectCreate of(String name, String organizationName) {
        return new ProjectCreate(name, organizationName, null, null, null);
    }
}
