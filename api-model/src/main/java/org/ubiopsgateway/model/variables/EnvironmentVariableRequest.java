package org.ubiopsgateway.model.variables;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

/**
 * Creates a variable, or replaces one whole (name, value and secrecy).
 *
 * @param value  required; may be empty
 * @param secret false when absent; a secret cannot be made non-secret again (UbiOps answers 400)
 */
public record EnvironmentVariableRequest(
        @NotNull @Pattern(regexp = Rules.VARIABLE_NAME_PATTERN, message = Rules.VARIABLE_NAME_MESSAGE)
        @Size(max = Rules.VARIABLE_NAME_MAX) String name,
        @NotNull @Size(max = Rules.VARIABLE_VALUE_MAX) String value,
        Boolean secret) {

    public EnvironmentVariableRequest {
        secret = Boolean.TRUE.equals(secret);
    }
}
