package org.ubiopsgateway.model.templates;

import java.util.List;
import java.util.Map;

/** The deployment a template creates. {@code inputType}/{@code outputType}: {@code structured} or {@code plain}. */
public record TemplateDeployment(String name, String description, String inputType, String outputType,
                                 List<TemplateField> inputFields, List<TemplateField> outputFields,
                                 Map<String, String> labels) {
}
