package org.ubiopsgateway.model.projects;

import org.ubiopsgateway.model.common.Identifiable;

import java.util.List;

/**
 * A project in full.
 *
 * @param creationDate    ISO-8601: a date-time, or a bare date ({@code 2018-10-26}) when upstream gives only the day
 * @param creditLimit     the most credits the project may use; null means no limit
 * @param suspended       whether the project is suspended (by an admin, or by going over its credit limit)
 * @param suspendedReason why, when suspended
 * @param corsOrigins     the origins browsers may call the project's endpoints from
 */
public record Project(String id, String name, String organization, String creationDate, boolean advancedPermissions,
                      Double creditLimit, boolean suspended, String suspendedReason, List<String> corsOrigins)
        implements Identifiable {

    @Override
    public String identifier() {
        return name;
    }
}
