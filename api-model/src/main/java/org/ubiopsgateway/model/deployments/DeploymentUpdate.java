package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;

import java.util.List;
import java.util.Map;

/**
 * Changes to a deployment; a null field stays as it is. {@code name} renames; {@code labels} replace the old ones;
 * {@code defaultVersion} must name an available version; fields replace the old ones (types cannot change).
 */
public record DeploymentUpdate(
        @ResourceName String name,
        @Size(max = Rules.DESCRIPTION_MAX) String description,
        @Size(max = Rules.LABELS_MAX) Map<@NotBlank @Size(max = Rules.LABEL_KEY_MAX) String, @NotNull @Size(max = Rules.LABEL_VALUE_MAX) String> labels,
        @ResourceName
        String defaultVersion,
        @Size(max = Rules.FIELDS_MAX) List<@NotNull @Valid InputField> inputFields,
        @Size(max = Rules.FIELDS_MAX) List<@NotNull @Valid OutputField> outputFields) {
}
