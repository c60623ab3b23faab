package org.ubiopsgateway.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The emulator's own control endpoints under {@code /emulator}, outside the API and without authentication:
 * health, the journal, faults, rate limits, reset and a sink for OpenTelemetry traces. They run on the event loop, so they touch the state
 * directly (never through {@link UbiOpsEmulator#reset()}, which waits for the loop).
 */
final class ControlRoutes {

    private static final long MAX_CONTROL_BODY = 64 * 1024;

    private ControlRoutes() {
    }

    static void mount(Router root, UbiOpsEmulator emulator) {
        // An OTLP/HTTP sink, so a gateway measured against the emulator can run with tracing on: its exporter posts
        // span batches here (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT=<control URL>/otlp, protocol http/protobuf). Read
        // and counted, not kept; before the body limit below, which a batch of spans may pass.
        root.post("/emulator/otlp/v1/traces").handler(ctx -> {
            AtomicLong bytes = new AtomicLong();
            ctx.request().handler(chunk -> bytes.addAndGet(chunk.length()));
            ctx.request().endHandler(end -> {
                emulator.traces().received(bytes.get());
                // an empty ExportTraceServiceResponse: every span accepted
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/x-protobuf").end();
            });
        });
        root.get("/emulator/otlp").handler(ctx -> Api.json(ctx, 200, emulator.traces().toJson()));
        root.route("/emulator/*").handler(BodyHandler.create(false).setBodyLimit(MAX_CONTROL_BODY));
        root.get("/emulator/health").handler(ctx -> Api.json(ctx, 200, new JsonObject().put("status", "UP")));

        root.get("/emulator/journal").handler(ctx -> Api.json(ctx, 200, new JsonArray(
                emulator.journal().entries().stream().map(ControlRoutes::entry).toList())));
        root.delete("/emulator/journal").handler(ctx -> {
            emulator.journal().clear();
            noContent(ctx);
        });

        root.get("/emulator/faults").handler(ctx -> Api.json(ctx, 200, faults(emulator)));
        root.post("/emulator/faults").handler(ctx -> withJson(ctx, json -> {
            FaultRule rule = FaultRule.fromJson(json);
            emulator.faults().add(rule);
            Api.json(ctx, 201, rule.toJson());
        }));
        root.delete("/emulator/faults").handler(ctx -> {
            emulator.faults().clear();
            noContent(ctx);
        });

        root.get("/emulator/rate-limits").handler(ctx -> Api.json(ctx, 200, emulator.rateLimits().toJson()));
        root.put("/emulator/rate-limits").handler(ctx -> withJson(ctx, json -> {
            emulator.rateLimits().apply(json);
            Api.json(ctx, 200, emulator.rateLimits().toJson());
        }));

        root.post("/emulator/reset").handler(ctx -> {
            emulator.resetState();
            noContent(ctx);
        });
    }

    private static JsonArray faults(UbiOpsEmulator emulator) {
        return new JsonArray(emulator.faults().rules().stream().map(FaultRule::toJson).toList());
    }

    private static JsonObject entry(JournalEntry e) {
        return new JsonObject().put("sequence", e.sequence()).put("timestamp_millis", e.timestampMillis())
                .put("received_us", e.receivedMicros()).put("leaving_us", e.leavingMicros())
                .put("answered_us", e.answeredMicros())
                .put("method", e.method()).put("path", e.path()).put("query", e.query())
                .put("operation", e.operation()).put("status", e.status());
    }

    /** Runs {@code action} on the JSON object body; an unreadable body or a rejected value is a 400. */
    private static void withJson(RoutingContext ctx, Consumer<JsonObject> action) {
        try {
            Object value = ctx.body().buffer() == null ? null : ctx.body().buffer().toJson();
            if (!(value instanceof JsonObject json)) {
                Api.error(ctx, 400, "A JSON object body is required");
                return;
            }
            action.accept(json);
        } catch (DecodeException e) {
            Api.error(ctx, 400, "Invalid JSON in request body");
        } catch (IllegalArgumentException | ClassCastException e) {
            Api.error(ctx, 400, e.getMessage());
        }
    }

    private static void noContent(RoutingContext ctx) {
        ctx.response().setStatusCode(204).end();
    }
}
