package org.ubiopsgateway.model.templates;

/**
 * A ready-made deployment UbiOps offers: what to create (a deployment and one version of it) and, by its
 * {@code id}, a package a revision can be made from.
 */
public record Template(String id, TemplateDeployment deployment, TemplateVersion version) {
}
