package org.ubiopsgateway.model.deployments;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

import java.util.Map;

/**
 * How a portal shows a deployment field: a widget type ({@link InputWidgetType} for input fields,
 * {@link OutputWidgetType} for output fields) and its free-form configuration ({@code min}, {@code max}, …).
 */
public record Widget<T>(@NotNull T type, @Size(max = Rules.WIDGET_SETTINGS_MAX) Map<@Size(max = Rules.WIDGET_SETTING_NAME_MAX) String, Object> configuration) {
}
