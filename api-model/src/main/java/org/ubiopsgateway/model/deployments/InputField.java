package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An input field of a structured deployment; names are unique among a deployment's input fields. */
public record InputField(@NotBlank String name, @NotNull DataType dataType, @Valid Widget<InputWidgetType> widget) {
}
