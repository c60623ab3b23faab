package org.ubiopsgateway.emulator;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The small toolkit the operation handlers are written with: route registration under an operation id,
 * JSON answers, UbiOps-shaped errors, and the documented field rules.
 */
final class Api {

    /** Projects, deployments and versions: lowercase letters, digits and dashes, starting with a letter. */
    static final Pattern OBJECT_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    /** Environment variables: letters and underscores, not starting or ending with an underscore. */
    static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z](?:[A-Za-z_]*[A-Za-z])?");
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_DESCRIPTION_LENGTH = 400;

    /** The key under which a handled request records its operation id, for the journal. */
    static final String OPERATION = "ubiops.operation";
    /** The key under which {@link Faults} records when a delayed call's answer is due, and where it waits till then. */
    static final String DUE = "ubiops.answer.due";
    private static final String WAITING = "ubiops.answer.waiting";

    final Router router;
    final Store store;
    final EmulatorOptions options;

    Api(Router router, Store store, EmulatorOptions options) {
        this.router = router;
        this.store = store;
        this.options = options;
    }

    /** Registers one documented operation. The handler returns the JSON to send, or throws {@link ApiError}. */
    void route(HttpMethod method, String path, String operationId, int successStatus,
               Function<RoutingContext, Object> handler) {
        router.route(method, path).handler(ctx -> {
            ctx.put(OPERATION, operationId);
            Object body;
            try {
                body = handler.apply(ctx);
            } catch (ApiError e) {
                error(ctx, e.status, e.getMessage());
                return;
            } catch (DecodeException | ClassCastException e) {
                error(ctx, 400, "Invalid request body");
                return;
            }
            if (body == null || successStatus == 204) {
                answer(ctx, () -> ctx.response().setStatusCode(successStatus).end());
            } else {
                json(ctx, successStatus, body);
            }
        });
    }

    /** Registers an operation that writes its own response (file downloads, asynchronous work). */
    void rawRoute(HttpMethod method, String path, String operationId, Handler<RoutingContext> handler) {
        router.route(method, path).handler(ctx -> {
            ctx.put(OPERATION, operationId);
            try {
                handler.handle(ctx);
            } catch (ApiError e) {
                error(ctx, e.status, e.getMessage());
            }
        });
    }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode()
                : body instanceof JsonArray a ? a.encode()
                : body instanceof Collection<?> c ? new JsonArray(List.copyOf(c)).encode()
                : String.valueOf(body);
        answer(ctx, () -> ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(text));
    }

    /**
     * Sends an answer once it is due. An injected latency delays the answer, not the work: the operation runs as the
     * call arrives and only its answer waits, as a remote UbiOps's answer travels after its work is done. Answers
     * falling due together then leave together, instead of each after the work of those before it on the emulator's
     * one event loop, which shares the machine's CPUs with the gateway in tests and benchmarks (docs/emulator.md).
     */
    static void answer(RoutingContext ctx, Runnable send) {
        Due due = ctx.get(DUE);
        if (due == null || due.nanos() - System.nanoTime() <= 0) {
            send.run();
            return;
        }
        ctx.put(WAITING, true);
        due.outbox().hold(ctx.vertx(), due.nanos(), () -> {
            ctx.remove(WAITING);
            send.run();
        });
    }

    /** When a delayed call's answer is due ({@link System#nanoTime()}), and the outbox that holds it till then. */
    record Due(long nanos, Outbox outbox) {
    }

    static void error(RoutingContext ctx, int status, String message) {
        // an answer already sent or waiting to be sent stands: at most one answer per call
        if (ctx.response().ended() || ctx.response().closed() || ctx.get(WAITING) != null) {
            return;
        }
        json(ctx, status, new JsonObject().put("error", message));
    }

    /** The request body as a JSON object; a missing or non-object body is a 400, as upstream. */
    static JsonObject body(RoutingContext ctx) {
        var buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw ApiError.badRequest("Request body is required");
        }
        Object value;
        try {
            value = buffer.toJson();
        } catch (DecodeException e) {
            throw ApiError.badRequest("Invalid JSON in request body");
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badRequest("Request body must be a JSON object");
        }
        return object;
    }

    /** A body that may be absent (an empty object then). */
    static JsonObject optionalBody(RoutingContext ctx) {
        var buffer = ctx.body().buffer();
        return buffer == null || buffer.length() == 0 ? new JsonObject() : body(ctx);
    }

    static String requiredString(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            throw ApiError.badRequest(field + ": This field is required.");
        }
        if (!(value instanceof String s)) {
            throw ApiError.badRequest(field + ": Not a valid string.");
        }
        return s;
    }

    static String optionalString(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw ApiError.badRequest(field + ": Not a valid string.");
        }
        return (String) value;
    }

    static Boolean optionalBoolean(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw ApiError.badRequest(field + ": Must be a valid boolean.");
        }
        return (Boolean) value;
    }

    static Number optionalNumber(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value != null && !(value instanceof Number)) {
            throw ApiError.badRequest(field + ": A valid number is required.");
        }
        return (Number) value;
    }

    /** Checks a project, deployment or version name against the documented pattern and length. */
    static String objectName(String field, String name) {
        if (name == null || name.isEmpty()) {
            throw ApiError.badRequest(field + ": This field may not be blank.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiError.badRequest(field + ": Ensure this field has no more than " + MAX_NAME_LENGTH + " characters.");
        }
        if (!OBJECT_NAME.matcher(name).matches()) {
            throw ApiError.badRequest(field + ": Name can only contain lowercase letters, numbers and dashes, and must start with a letter.");
        }
        return name;
    }

    static String variableName(String name) {
        if (name == null || name.isEmpty() || !VARIABLE_NAME.matcher(name).matches()) {
            throw ApiError.badRequest("name: The variable name should contain only letters and underscores, and not start or end with an underscore.");
        }
        return name;
    }

    static String description(JsonObject body) {
        String description = optionalString(body, "description");
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiError.badRequest("description: Ensure this field has no more than " + MAX_DESCRIPTION_LENGTH + " characters.");
        }
        return description;
    }

    /** An integer query parameter, with a default when absent; anything unparsable or below {@code min} is a 400. */
    static int intQuery(RoutingContext ctx, String name, int defaultValue, int min) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min) {
                throw ApiError.badRequest(name + ": Ensure this value is greater than or equal to " + min + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + ": A valid integer is required.");
        }
    }

    /** Applies upstream's limit/offset paging to a list. */
    static <T> List<T> page(List<T> items, int limit, int offset) {
        if (offset >= items.size()) {
            return List.of();
        }
        return items.subList(offset, Math.min(items.size(), offset + limit));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String now() {
        return Instant.now().toString();
    }
}
