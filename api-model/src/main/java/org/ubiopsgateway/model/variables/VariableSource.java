package org.ubiopsgateway.model.variables;

/**
 * A level that defines an environment variable.
 *
 * @param level the kind of owner
 * @param name  the owner's name: the project's, the deployment's, or the version's (within its deployment)
 */
public record VariableSource(VariableLevel level, String name) {
}
