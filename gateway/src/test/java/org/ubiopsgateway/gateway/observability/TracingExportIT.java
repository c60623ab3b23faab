package org.ubiopsgateway.gateway.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.packaging.PackagedGateway;
import org.ubiopsgateway.gateway.security.TestTokens;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packaged gateway, given an OTLP endpoint the production way, exports its spans there: to the emulator's OTLP
 * sink, which counts the batches it receives.
 */
class TracingExportIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    static UbiOpsEmulator emulator;
    @AutoClose
    static PackagedGateway gateway;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("it-token"));
        gateway = PackagedGateway.start("tracing-export-it-gateway", emulator, List.of(),
                Map.of("quarkus.otel.exporter.otlp.endpoint", emulator.controlUrl() + "/otlp",
                        "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                        "quarkus.otel.bsp.schedule.delay", "100ms"));
    }

    @Test
    void theSpansOfAnsweredRequestsReachTheConfiguredCollector() throws Exception {
        long before = traceBatches();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/projects/demo-project"))
                .header("Authorization", "Bearer " + TestTokens.admin()).build();
        assertEquals(200, http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());

        Eventually.await("a batch of spans at the emulator's OTLP sink", this::traceBatches, batches -> batches > before);
    }

    private long traceBatches() {
        try {
            HttpResponse<String> sink = http.send(HttpRequest.newBuilder(URI.create(emulator.controlUrl() + "/otlp"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode counts = JSON.readTree(sink.body());
            return counts.get("trace_batches").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
