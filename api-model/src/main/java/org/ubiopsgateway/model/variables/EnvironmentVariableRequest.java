package org.ubiopsgateway.model.variables;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.ubiopsgateway.model.common.Rules;

/**
 * Creates a variable, or replaces one whole (name, value and secrecy).
 *
 * @param value  required; may be empty
 * @param secret false when absent; a secret cannot be made non-secret again (UbiOps answers 400)
 */
public record EnvironmentVariableRequest(
        @NotNull @Pattern(regexp = Rules.VARIABLE_NAME_PATTERN, message = Rules.VARIABLE_NAME_MESSAGE) String name,
        @NotNull String value,
        Boolean secret) {

    public EnvironmentVariableRequest {
        secret = Boolean.TRUE.equals(secret);
    }
}
