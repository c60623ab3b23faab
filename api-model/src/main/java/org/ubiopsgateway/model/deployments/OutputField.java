package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

/** An output field of a structured deployment; names are unique among a deployment's output fields. */
public record OutputField(@NotBlank @Size(max = Rules.FIELD_NAME_MAX) String name, @NotNull DataType dataType, @Valid Widget<OutputWidgetType> widget) {
}
