package org.ubiopsgateway.gateway.observability;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

import java.util.stream.Stream;

/**
 * Tracing is off unless an OTLP endpoint is configured: without one, the OpenTelemetry exporter would send every span
 * to {@code localhost:4317} and warn about each failed batch. Answers {@value #SDK_DISABLED} from whether
 * {@value #ENDPOINT} or {@value #TRACES_ENDPOINT} is set, unless someone set {@value #SDK_DISABLED} explicitly.
 */
@Priority(Priorities.APPLICATION)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name) || value == null || isExplicit(value)) {
            return value;
        }
        boolean endpoint = Stream.of(TRACES_ENDPOINT, ENDPOINT)
                .map(context::proceed)
                .anyMatch(v -> isExplicit(v) && v.getValue() != null && !v.getValue().isBlank());
        return value.withValue(Boolean.toString(!endpoint));
    }

    /**
     * Set by a real source (properties, environment, system properties), not by an extension's default: the OTLP
     * extension has a default endpoint too.
     */
    private static boolean isExplicit(ConfigValue value) {
        return value != null && value.getConfigSourceOrdinal() > 0;
    }
}
