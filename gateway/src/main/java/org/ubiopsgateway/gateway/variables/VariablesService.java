package org.ubiopsgateway.gateway.variables;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.Changes;
import org.ubiopsgateway.gateway.cache.Invalidations;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCopy;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;
import org.ubiopsgateway.model.variables.CopyVariablesRequest;
import org.ubiopsgateway.model.variables.EffectiveVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;

import java.util.List;

/**
 * Environment variables at every level. Each operation is the same at all three levels; only the upstream
 * operation differs, chosen here by the scope's level.
 */
@ApplicationScoped
public class VariablesService {

    private final UbiOpsProjects projects;
    private final UbiOpsDeployments deployments;
    private final ReadCache cache;
    private final Invalidations invalidations;

    public VariablesService(UbiOpsProjects projects, UbiOpsDeployments deployments, ReadCache cache,
                            Invalidations invalidations) {
        this.projects = projects;
        this.deployments = deployments;
        this.cache = cache;
        this.invalidations = invalidations;
    }

    Uni<List<EnvironmentVariable>> list(VariableScope scope) {
        return listed(scope).map(VariablesMapper::variables);
    }

    Uni<EnvironmentVariable> get(VariableScope scope, String id) {
        return cache.read(Region.READS, CacheKeys.of(CacheKeys.variables(scope.cacheKey()), id),
                () -> (switch (scope.level()) {
                    case PROJECT -> projects.getEnvironmentVariable(scope.project(), id);
                    case DEPLOYMENT -> deployments.getDeploymentVariable(scope.project(), scope.deployment(), id);
                    case VERSION -> deployments.getVersionVariable(scope.project(), scope.deployment(), scope.version(), id);
                }).map(VariablesMapper::variable));
    }

    Uni<EnvironmentVariable> create(VariableScope scope, EnvironmentVariableRequest request) {
        EnvironmentVariableCreate body = VariablesMapper.toWire(request);
        return changing(scope, switch (scope.level()) {
            case PROJECT -> projects.createEnvironmentVariable(scope.project(), body);
            case DEPLOYMENT -> deployments.createDeploymentVariable(scope.project(), scope.deployment(), body);
            case VERSION -> deployments.createVersionVariable(scope.project(), scope.deployment(), scope.version(), body);
        }).map(VariablesMapper::variable);
    }

    /** Upstream's PATCH with all three fields: a whole replacement, as upstream requires them all. */
    Uni<EnvironmentVariable> update(VariableScope scope, String id, EnvironmentVariableRequest request) {
        EnvironmentVariableCreate body = VariablesMapper.toWire(request);
        return changing(scope, switch (scope.level()) {
            case PROJECT -> projects.updateEnvironmentVariable(scope.project(), id, body);
            case DEPLOYMENT -> deployments.updateDeploymentVariable(scope.project(), scope.deployment(), id, body);
            case VERSION -> deployments.updateVersionVariable(scope.project(), scope.deployment(), scope.version(), id, body);
        }).map(VariablesMapper::variable);
    }

    Uni<Void> delete(VariableScope scope, String id) {
        return changing(scope, switch (scope.level()) {
            case PROJECT -> projects.deleteEnvironmentVariable(scope.project(), id);
            case DEPLOYMENT -> deployments.deleteDeploymentVariable(scope.project(), scope.deployment(), id);
            case VERSION -> deployments.deleteVersionVariable(scope.project(), scope.deployment(), scope.version(), id);
        });
    }

    /** Copies into a deployment or a version (UbiOps has no copy into a project); answers the copied variables. */
    Uni<List<EnvironmentVariable>> copy(VariableScope target, CopyVariablesRequest request) {
        EnvironmentVariableCopy body = VariablesMapper.toWire(request);
        return changing(target, switch (target.level()) {
            case PROJECT -> throw new IllegalStateException("unreachable: no route copies into a project");
            case DEPLOYMENT -> deployments.copyDeploymentVariables(target.project(), target.deployment(), body);
            case VERSION -> deployments.copyVersionVariables(target.project(), target.deployment(), target.version(), body);
        }).map(VariablesMapper::variables);
    }

    /**
     * What the scope runs with: the own variables of it and of each level above it, fetched in parallel, with the
     * more specific definition of a name winning.
     */
    Uni<List<EffectiveVariable>> effective(VariableScope scope) {
        List<Uni<VariablesMapper.LevelVariables>> levels = scope.withAncestors().stream()
                .map(level -> listed(level).map(listed ->
                        new VariablesMapper.LevelVariables(level.source(), VariablesMapper.own(listed))))
                .toList();
        return Uni.combine().all().unis(levels).with(VariablesMapper.LevelVariables.class, VariablesMapper::effective);
    }

    /**
     * The scope's own variables as upstream lists them, through the cache: effective views are built from these
     * lists, so dropping a level's list after a change refreshes every effective view that includes it.
     */
    private Uni<List<org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable>> listed(VariableScope scope) {
        return cache.read(Region.READS, CacheKeys.variables(scope.cacheKey()),
                () -> switch (scope.level()) {
                    case PROJECT -> projects.listEnvironmentVariables(scope.project());
                    case DEPLOYMENT -> deployments.listDeploymentVariables(scope.project(), scope.deployment());
                    case VERSION -> deployments.listVersionVariables(scope.project(), scope.deployment(), scope.version());
                });
    }

    private <T> Uni<T> changing(VariableScope scope, Uni<T> mutation) {
        return invalidations.after(mutation, Changes.variables(scope.cacheKey()));
    }
}
