package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An output field of a structured deployment; names are unique among a deployment's output fields. */
public record OutputField(@NotBlank String name, @NotNull DataType dataType, @Valid Widget<OutputWidgetType> widget) {
}
