package org.ubiopsgateway.model.variables;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

/**
 * Copies a deployment's own variables, or with {@code sourceVersion} one of its versions' own variables, to the
 * target level. Same-named variables there are overwritten (and keep their id); a copy is secret when the source
 * or the overwritten variable is.
 */
public record CopyVariablesRequest(
        @NotNull @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_MESSAGE) @Size(max = Rules.NAME_MAX)
        String sourceDeployment,
        @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_MESSAGE) @Size(max = Rules.NAME_MAX)
        String sourceVersion) {
}
