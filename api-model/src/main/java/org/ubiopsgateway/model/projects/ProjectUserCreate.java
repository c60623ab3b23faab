package org.ubiopsgateway.model.projects;

import jakarta.validation.constraints.NotNull;
import org.ubiopsgateway.model.common.ResourceId;

/**
 * Adds a user of the project's organization to the project.
 *
 * @param userId the user's id (a UUID); a user outside the organization is not found (404)
 */
public record ProjectUserCreate(@NotNull @ResourceId String userId) {
}
