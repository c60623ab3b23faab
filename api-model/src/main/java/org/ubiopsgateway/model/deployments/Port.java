package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A port a version opens to the outside. */
public record Port(@NotNull @Min(1) @Max(65535) Integer publicPort,
                   @NotNull @Min(1) @Max(65535) Integer deploymentPort,
                   @NotNull Protocol protocol) {
}
