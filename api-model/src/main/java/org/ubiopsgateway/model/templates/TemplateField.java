package org.ubiopsgateway.model.templates;

import org.ubiopsgateway.model.deployments.DataType;

/** An input or output field of a template's deployment: its name and data type. */
public record TemplateField(String name, DataType dataType) {
}
