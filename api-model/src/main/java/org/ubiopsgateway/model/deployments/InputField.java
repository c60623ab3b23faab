package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

/** An input field of a structured deployment; names are unique among a deployment's input fields. */
public record InputField(@NotBlank @Size(max = Rules.FIELD_NAME_MAX) String name, @NotNull DataType dataType, @Valid Widget<InputWidgetType> widget) {
}
