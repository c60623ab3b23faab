package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersion;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersionBody;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersionPort;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;
import org.ubiopsgateway.model.deployments.InstanceTypeGroup;
import org.ubiopsgateway.model.deployments.Network;
import org.ubiopsgateway.model.deployments.Port;
import org.ubiopsgateway.model.deployments.Protocol;
import org.ubiopsgateway.model.deployments.Queue;
import org.ubiopsgateway.model.deployments.Retention;
import org.ubiopsgateway.model.deployments.RetentionMode;
import org.ubiopsgateway.model.deployments.Scaling;
import org.ubiopsgateway.model.deployments.ScalingStrategy;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionSettings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;


/** Versions between UbiOps's flat wire form and the public model's grouped settings. */
final class VersionMapper {

    private VersionMapper() {
    }

    static Version toModel(DeploymentVersion v) {
        InstanceTypeGroup group = v.instanceTypeGroupId() == null && v.instanceTypeGroupName() == null ? null
                : new InstanceTypeGroup(v.instanceTypeGroupId(), v.instanceTypeGroupName());
        List<Port> ports = v.ports() == null ? List.of() : v.ports().stream()
                .map(p -> new Port(p.publicPort(), p.deploymentPort(), QueryValues.known(Protocol.class, p.protocol()))).toList();
        return new Version(v.id(), v.deployment(), v.version(), Boolean.TRUE.equals(v.isDefault()), v.description(),
                v.environment(), v.environmentDisplayName(), v.status(), v.activeRevision(), v.latestRevision(), group,
                new Scaling(v.minimumInstances(), v.maximumInstances(), v.maximumIdleTime(),
                        QueryValues.known(ScalingStrategy.class, v.scalingStrategy()), v.instanceProcesses()),
                new Retention(QueryValues.known(RetentionMode.class, v.requestRetentionMode()), v.requestRetentionTime()),
                new Queue(v.maximumQueueSizeExpress(), v.maximumQueueSizeBatch()),
                new Network(v.staticIp(), ports), v.restartRequestInterruption(), v.hasRequestMethod(),
                v.hasRequestsMethod(), v.labels(), Timestamp.iso(v.creationDate()), Timestamp.iso(v.lastUpdated()),
                Timestamp.iso(v.lastFileUpload()));
    }

    /** Flattens the settings groups of a create or an update; whatever is null stays null, so upstream leaves (or defaults) it. */
    static DeploymentVersionBody toWire(VersionSettings s) {
        Optional<InstanceTypeGroup> group = Optional.ofNullable(s.instanceTypeGroup());
        Optional<Scaling> scaling = Optional.ofNullable(s.scaling());
        Optional<Retention> retention = Optional.ofNullable(s.retention());
        Optional<Queue> queue = Optional.ofNullable(s.queue());
        Optional<Network> network = Optional.ofNullable(s.network());
        return new DeploymentVersionBody(s.version(), s.environment(), get(group, InstanceTypeGroup::id),
                get(group, InstanceTypeGroup::name), get(scaling, Scaling::maximumInstances),
                get(scaling, Scaling::minimumInstances), get(scaling, Scaling::maximumIdleTime), s.description(),
                s.labels(), get(retention, Retention::time), get(retention, r -> QueryValues.text(r.mode())),
                get(queue, Queue::expressSize), get(queue, Queue::batchSize), get(network, Network::staticIp),
                s.restartRequestInterruption(),
                get(network, n -> n.ports() == null ? null : n.ports().stream()
                        .map(p -> new DeploymentVersionPort(p.publicPort(), p.deploymentPort(), p.protocol().value()))
                        .toList()),
                get(scaling, sc -> QueryValues.text(sc.strategy())), get(scaling, Scaling::instanceProcesses));
    }

    private static <G, V> V get(Optional<G> group, Function<G, V> field) {
        return group.map(field).orElse(null);
    }
}
