package org.ubiopsgateway.gateway.upstream.wire;

/** A template deployment (template_deployments_list). */
public record TemplateDeployment(String id, TemplateDeploymentDetails details) {
}
