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
 * A new deployment. A structured input (output) type needs its fields; a plain one takes none (leave them out or
 * empty). Field names are unique per list.
 */
public record DeploymentCreate(
        @NotNull @ResourceName
        String name,
        @Size(max = Rules.DESCRIPTION_MAX) String description,
        @NotNull IoType inputType,
        @NotNull IoType outputType,
        @Size(max = Rules.FIELDS_MAX) List<@NotNull @Valid InputField> inputFields,
        @Size(max = Rules.FIELDS_MAX) List<@NotNull @Valid OutputField> outputFields,
        @Size(max = Rules.LABELS_MAX) Map<@NotBlank @Size(max = Rules.LABEL_KEY_MAX) String, @NotNull @Size(max = Rules.LABEL_VALUE_MAX) String> labels) {
}
