package org.ubiopsgateway.model.variables;

import jakarta.validation.constraints.NotNull;
import org.ubiopsgateway.model.common.ResourceName;

/**
 * Copies a deployment's own variables, or with {@code sourceVersion} one of its versions' own variables, to the
 * target level. Same-named variables there are overwritten (and keep their id); a copy is secret when the source
 * or the overwritten variable is.
 */
public record CopyVariablesRequest(
        @NotNull @ResourceName
        String sourceDeployment,
        @ResourceName
        String sourceVersion) {
}
