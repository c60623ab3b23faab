package org.ubiopsgateway.model.projects;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.ubiopsgateway.model.common.Rules;

/**
 * Adds a user of the project's organization to the project.
 *
 * @param userId the user's id (a UUID); a user outside the organization is not found (404)
 */
public record ProjectUserCreate(@NotNull @Pattern(regexp = Rules.ID_PATTERN, message = Rules.ID_MESSAGE) String userId) {
}
