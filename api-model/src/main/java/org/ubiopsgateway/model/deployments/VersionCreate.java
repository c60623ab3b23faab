package org.ubiopsgateway.model.deployments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.ResourceName;
import org.ubiopsgateway.model.common.Rules;

import java.util.Map;

/**
 * A new version of a deployment: only {@code version} is required, UbiOps defaults the rest. The first
 * version of a deployment becomes its default.
 *
 * @param environment a base environment ({@code python3-11}, …) or a custom one of the project
 * @param restartRequestInterruption whether requests are restarted when their instance is interrupted
 */
public record VersionCreate(
        @NotNull @ResourceName
        String version,
        @Size(max = Rules.DESCRIPTION_MAX) String description,
        @ResourceName
        String environment,
        @Valid InstanceTypeGroup instanceTypeGroup,
        @Valid Scaling scaling,
        @Valid Retention retention,
        @Valid Queue queue,
        @Valid Network network,
        Boolean restartRequestInterruption,
        @Size(max = Rules.LABELS_MAX) Map<@NotBlank @Size(max = Rules.LABEL_KEY_MAX) String, @NotNull @Size(max = Rules.LABEL_VALUE_MAX) String> labels) implements VersionSettings {
}
