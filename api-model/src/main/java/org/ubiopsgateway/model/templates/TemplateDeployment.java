package org.ubiopsgateway.model.templates;

import org.ubiopsgateway.model.deployments.IoType;

import java.util.List;
import java.util.Map;

/** The deployment a template creates. */
public record TemplateDeployment(String name, String description, IoType inputType, IoType outputType,
                                 List<TemplateField> inputFields, List<TemplateField> outputFields,
                                 Map<String, String> labels) {
}
