package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.NotNull;

import java.util.Map;

/**
 * How a portal shows a deployment field: a widget type ({@link InputWidgetType} for input fields,
 * {@link OutputWidgetType} for output fields) and its free-form configuration ({@code min}, {@code max}, …).
 */
public record Widget<T>(@NotNull T type, Map<String, Object> configuration) {
}
