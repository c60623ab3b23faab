package org.ubiopsgateway.emulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.function.Consumer;

/**
 * The emulator's own control endpoints under {@code /emulator}, outside the API and without authentication:
 * health, the journal, faults, rate limits and reset. They run on the event loop, so they touch the state
 * directly (never through {@link UbiOpsEmulator#reset()}, which waits for the loop).
 */
final class ControlRoutes {

    private static final long MAX_CONTROL_BODY = 64 * 1024;

    private ControlRoutes() {
    }

    static void mount(Router root, UbiOpsEmulator emulator) {
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
