package org.ubiopsgateway.model.projects;

import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;

import java.util.List;

/**
 * A new project. Project names are globally unique: a taken one is a conflict (409).
 *
 * @param organization        the organization the project belongs to (required)
 * @param advancedPermissions defaults to false
 * @param creditLimit         the most credits the project may use; null (the default) means no limit
 * @param corsOrigins         origins browsers may call the project's endpoints from; defaults to none
 */
public record ProjectCreate(
        @NotNull @ResourceName String name,
        @NotNull @ResourceName String organization,
        Boolean advancedPermissions,
        @PositiveOrZero Double creditLimit,
        @Size(max = Rules.CORS_ORIGINS_MAX) List<@NotBlank @Size(max = Rules.ORIGIN_MAX) String> corsOrigins) {
}
