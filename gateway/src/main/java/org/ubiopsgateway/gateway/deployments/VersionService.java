package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.Changes;
import org.ubiopsgateway.gateway.cache.Invalidations;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.error.BadRequest;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.model.deployments.Scaling;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionCreate;
import org.ubiopsgateway.model.deployments.VersionSettings;
import org.ubiopsgateway.model.deployments.VersionUpdate;

import java.util.List;

/** deployment_versions_list, _create, _get, _update and _delete, with the rules annotations cannot say. */
@ApplicationScoped
public class VersionService {

    private final UbiOpsDeployments upstream;
    private final ReadCache cache;
    private final Invalidations invalidations;

    public VersionService(UbiOpsDeployments upstream, ReadCache cache, Invalidations invalidations) {
        this.upstream = upstream;
        this.cache = cache;
        this.invalidations = invalidations;
    }

    public Uni<List<Version>> list(String project, String deployment, String labels) {
        return cache.read(Region.READS,
                CacheKeys.withQuery(CacheKeys.versions(project, deployment), "labels", labels),
                () -> upstream.listVersions(project, deployment, labels)
                        .map(list -> list.stream().map(VersionMapper::toModel).toList()));
    }

    public Uni<Version> create(String project, String deployment, VersionCreate version) {
        check(version);
        return invalidations.after(upstream.createVersion(project, deployment, VersionMapper.toWire(version)),
                Changes.versionAddedOrRemoved(project, deployment, version.version())).map(VersionMapper::toModel);
    }

    public Uni<Version> get(String project, String deployment, String version) {
        return cache.read(Region.READS, CacheKeys.version(project, deployment, version),
                () -> upstream.getVersion(project, deployment, version).map(VersionMapper::toModel));
    }

    public Uni<Version> update(String project, String deployment, String version, VersionUpdate update) {
        check(update);
        return invalidations.after(upstream.updateVersion(project, deployment, version, VersionMapper.toWire(update)),
                Changes.version(project, deployment, version, update.version())).map(VersionMapper::toModel);
    }

    public Uni<Void> delete(String project, String deployment, String version) {
        return invalidations.after(upstream.deleteVersion(project, deployment, version),
                Changes.versionAddedOrRemoved(project, deployment, version));
    }

    /**
     * An instance type group is named by id or name; the minimum of instances is at most their maximum (when a
     * request sets just one, upstream compares it with the stored other).
     */
    private static void check(VersionSettings settings) {
        if (settings.instanceTypeGroup() != null && settings.instanceTypeGroup().id() == null
                && settings.instanceTypeGroup().name() == null) {
            throw BadRequest.of("instanceTypeGroup", "needs its id or its name");
        }
        Scaling scaling = settings.scaling();
        if (scaling != null && scaling.minimumInstances() != null && scaling.maximumInstances() != null
                && scaling.minimumInstances() > scaling.maximumInstances()) {
            throw BadRequest.of("scaling.minimumInstances", "must not be greater than scaling.maximumInstances");
        }
    }
}
