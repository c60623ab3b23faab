package org.ubiopsgateway.model.variables;

import org.ubiopsgateway.model.common.Identifiable;

/**
 * An environment variable as a level lists it. Deployment and version lists also show the variables they
 * inherit and do not shadow; those carry {@code inheritedFrom} and can be read or changed only at their own level.
 *
 * @param value         null for secrets: a secret's value never leaves the gateway
 * @param inheritedFrom the less specific level defining an inherited variable; null for the level's own
 */
public record EnvironmentVariable(String id, String name, String value, boolean secret, VariableSource inheritedFrom)
        implements Identifiable {

    @Override
    public String identifier() {
        return id;
    }
}
