package org.ubiopsgateway.model.templates;

/** An input or output field of a template's deployment: its name and data type ({@code int}, {@code string}, …). */
public record TemplateField(String name, String dataType) {
}
