package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.model.variables.VariableLevel;
import org.ubiopsgateway.model.variables.VariableSource;

import java.util.List;

/**
 * The owner of a set of environment variables: a project, one of its deployments, or one of a deployment's
 * versions. {@code deployment} and {@code version} are null above their level.
 */
record VariableScope(String project, String deployment, String version) {

    static VariableScope project(String project) {
        return new VariableScope(project, null, null);
    }

    static VariableScope deployment(String project, String deployment) {
        return new VariableScope(project, deployment, null);
    }

    static VariableScope version(String project, String deployment, String version) {
        return new VariableScope(project, deployment, version);
    }

    VariableLevel level() {
        return version != null ? VariableLevel.VERSION
                : deployment != null ? VariableLevel.DEPLOYMENT : VariableLevel.PROJECT;
    }

    /** This scope, and each less specific one it inherits from, most specific first. */
    List<VariableScope> withAncestors() {
        return switch (level()) {
            case PROJECT -> List.of(this);
            case DEPLOYMENT -> List.of(this, project(project));
            case VERSION -> List.of(this, deployment(project, deployment), project(project));
        };
    }

    /** The key of the resource that owns the variables, under which the cache keeps them. */
    String cacheKey() {
        return switch (level()) {
            case PROJECT -> CacheKeys.project(project);
            case DEPLOYMENT -> CacheKeys.deployment(project, deployment);
            case VERSION -> CacheKeys.version(project, deployment, version);
        };
    }

    /** The level and its own name, as the public surface names where a variable comes from. */
    VariableSource source() {
        return new VariableSource(level(), switch (level()) {
            case PROJECT -> project;
            case DEPLOYMENT -> deployment;
            case VERSION -> version;
        });
    }
}
