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
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.DeploymentUpdate;
import org.ubiopsgateway.model.deployments.InputField;
import org.ubiopsgateway.model.deployments.IoType;
import org.ubiopsgateway.model.deployments.OutputField;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** deployments_list, _create, _get, _update and _delete, with the rules on fields that annotations cannot say. */
@ApplicationScoped
public class DeploymentService {

    private final UbiOpsDeployments upstream;
    private final ReadCache cache;
    private final Invalidations invalidations;

    public DeploymentService(UbiOpsDeployments upstream, ReadCache cache, Invalidations invalidations) {
        this.upstream = upstream;
        this.cache = cache;
        this.invalidations = invalidations;
    }

    public Uni<List<Deployment>> list(String project, String labels) {
        return cache.read(Region.READS, CacheKeys.withQuery(CacheKeys.deployments(project), "labels", labels),
                () -> upstream.listDeployments(project, labels)
                        .map(list -> list.stream().map(DeploymentMapper::toModel).toList()));
    }

    public Uni<Deployment> create(String project, DeploymentCreate deployment) {
        checkFields("inputFields", deployment.inputType(), deployment.inputFields(), InputField::name);
        checkFields("outputFields", deployment.outputType(), deployment.outputFields(), OutputField::name);
        return invalidations.after(upstream.createDeployment(project, DeploymentMapper.toWire(deployment)),
                Changes.deploymentAddedOrRemoved(project, deployment.name())).map(DeploymentMapper::toModel);
    }

    public Uni<Deployment> get(String project, String deployment) {
        return cache.read(Region.READS, CacheKeys.deployment(project, deployment),
                () -> upstream.getDeployment(project, deployment).map(DeploymentMapper::toModel));
    }

    /** The input and output types cannot change, and only upstream knows them: it checks fields against them. */
    public Uni<Deployment> update(String project, String deployment, DeploymentUpdate update) {
        checkFields("inputFields", null, update.inputFields(), InputField::name);
        checkFields("outputFields", null, update.outputFields(), OutputField::name);
        return invalidations.after(upstream.updateDeployment(project, deployment, DeploymentMapper.toWire(update)),
                Changes.deployment(project, deployment, update.name())).map(DeploymentMapper::toModel);
    }

    public Uni<Void> delete(String project, String deployment) {
        return invalidations.after(upstream.deleteDeployment(project, deployment),
                Changes.deploymentAddedOrRemoved(project, deployment));
    }

    /**
     * UbiOps's rules for a field list: required (possibly empty) for a structured type, empty or absent for a
     * plain one, names unique. A null {@code type} checks the names only.
     */
    private static <F> void checkFields(String field, IoType type, List<F> fields, Function<F, String> name) {
        if (fields == null) {
            if (type == IoType.STRUCTURED) {
                throw BadRequest.of(field, "is required for the structured type");
            }
            return;
        }
        if (type == IoType.PLAIN && !fields.isEmpty()) {
            throw BadRequest.of(field, "must be empty for the plain type");
        }
        Set<String> names = new HashSet<>();
        for (F f : fields) {
            if (!names.add(name.apply(f))) {
                throw BadRequest.of(field, "names must be unique; '" + name.apply(f) + "' repeats");
            }
        }
    }
}
