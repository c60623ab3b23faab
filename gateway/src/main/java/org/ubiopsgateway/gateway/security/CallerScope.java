package org.ubiopsgateway.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.function.Function;

/**
 * The caller of the request being served, for services that filter or check by project. {@link AccessFilter}
 * has verified the token (and refused projects outside the claim on direct access) before any resource runs.
 * In an asynchronous chain, capture {@link #caller()} first: this bean lives in the request context.
 */
@RequestScoped
public class CallerScope {

    private final Caller caller;

    public CallerScope(SecurityIdentity identity) {
        this.caller = Caller.of(identity);
        if (caller == null) {
            throw new IllegalStateException("No verified caller: the route is not behind AccessFilter");
        }
    }

    public Caller caller() {
        return caller;
    }

    public boolean canSee(String project) {
        return caller.canSee(project);
    }

    public <T> List<T> visible(List<T> items, Function<T, String> project) {
        return caller.visible(items, project);
    }

    /** Throws {@link AccessDenied} (403 problem+json) unless the caller may create a project of this name. */
    public void requireProjectCreation(String project) {
        if (!caller.mayCreateProject(project)) {
            throw new AccessDenied("Creating project '" + project + "' needs the admin role and the project in the token's projects claim");
        }
    }
}
