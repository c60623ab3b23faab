package org.ubiopsgateway.gateway.observability;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

import static io.quarkus.opentelemetry.runtime.config.build.ExporterType.Constants.CDI_VALUE;
import static io.quarkus.opentelemetry.runtime.config.build.ExporterType.Constants.NONE_VALUE;

/**
 * Keeps OpenTelemetry from adding a batch span processor that exports to nothing. Quarkus (3.33) exports spans
 * through a processor of its own, which holds the OTLP exporter, and hands OpenTelemetry's autoconfiguration the
 * exporter list {@code cdi}: the {@code SpanExporter} beans. With none, the autoconfiguration still made a second
 * batch processor, whose exporter was a no-op; every span was queued into it too, and its thread woke to throw them
 * away (about 1 % of a cached read's CPU, docs/request-path.md). So with no such bean the autoconfiguration is told
 * {@code none}; an operator's own exporter bean keeps its processor. Later Quarkus versions no longer add it
 * (quarkus#52752).
 */
@Singleton
public class UnusedSpanProcessorRemoval implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    static final String TRACES_EXPORTER = "otel.traces.exporter";

    private final Instance<SpanExporter> exporterBeans;

    public UnusedSpanProcessorRemoval(@Any Instance<SpanExporter> exporterBeans) {
        this.exporterBeans = exporterBeans;
    }

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        builder.addPropertiesCustomizer(config -> config.getList(TRACES_EXPORTER).equals(List.of(CDI_VALUE))
                && exporterBeans.isUnsatisfied() ? Map.of(TRACES_EXPORTER, NONE_VALUE) : Map.of());
    }
}
