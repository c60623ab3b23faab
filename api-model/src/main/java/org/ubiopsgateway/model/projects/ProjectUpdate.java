package org.ubiopsgateway.model.projects;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;

import java.util.List;

/**
 * Changes to a project: every field is optional and a null one stays as it is. Removing a credit limit
 * altogether is not offered: null means "unchanged".
 *
 * @param name        a new name (the project is then addressed by it)
 * @param suspended   true suspends the project, false reactivates it; upstream refuses either for a project
 *                    that UbiOps itself suspended
 * @param corsOrigins replaces the whole list
 */
public record ProjectUpdate(
        @ResourceName String name,
        Boolean advancedPermissions,
        @PositiveOrZero Double creditLimit,
        Boolean suspended,
        @Size(max = Rules.CORS_ORIGINS_MAX) List<@NotBlank @Size(max = Rules.ORIGIN_MAX) String> corsOrigins) {
}
