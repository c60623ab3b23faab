package org.ubiopsgateway.model.templates;

import org.ubiopsgateway.model.deployments.Retention;
import org.ubiopsgateway.model.deployments.Scaling;

import java.util.Map;

/** The version a template creates, its settings grouped as a version's are (with the same records). */
public record TemplateVersion(String name, String environment, String description, Map<String, String> labels,
                              String instanceTypeGroupId, Scaling scaling, Retention retention) {
}
