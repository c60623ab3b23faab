package org.ubiopsgateway.gateway.templates;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.model.templates.Template;

import java.util.List;

/** The template deployments UbiOps offers (template_deployments_list). */
@ApplicationScoped
public class TemplatesService {

    private final UbiOpsDeployments deployments;
    private final ReadCache cache;

    public TemplatesService(UbiOpsDeployments deployments, ReadCache cache) {
        this.deployments = deployments;
        this.cache = cache;
    }

    /** The same for every project: cached once for all. */
    public Uni<List<Template>> list() {
        return cache.read(Region.TEMPLATES, CacheKeys.TEMPLATES, () -> deployments.listTemplateDeployments()
                .map(templates -> templates.stream().map(TemplatesMapper::template).toList()));
    }
}
