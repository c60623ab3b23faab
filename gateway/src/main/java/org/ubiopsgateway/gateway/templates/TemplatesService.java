package org.ubiopsgateway.gateway.templates;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.upstream.UbiOpsDeployments;
import org.ubiopsgateway.model.templates.Template;

import java.util.List;

/** The template deployments UbiOps offers (template_deployments_list). */
@ApplicationScoped
public class TemplatesService {

    private final UbiOpsDeployments deployments;

    public TemplatesService(UbiOpsDeployments deployments) {
        this.deployments = deployments;
    }

    public Uni<List<Template>> list() {
        return deployments.listTemplateDeployments()
                .map(templates -> templates.stream().map(TemplatesMapper::template).toList());
    }
}
