package org.ubiopsgateway.emulator;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A stateful, in-memory stand-in for the UbiOps API v2.1: the API under {@code /v2.1}, control endpoints
 * (faults, latency, journal, rate limits, reset) under {@code /emulator}.
 *
 * <pre>{@code
 * try (UbiOpsEmulator emulator = UbiOpsEmulator.start(EmulatorOptions.defaults())) {
 *     String url = emulator.baseUrl(); // http://127.0.0.1:<port>/v2.1
 * }
 * }</pre>
 */
public final class UbiOpsEmulator implements AutoCloseable {

    /** Largest request body accepted (deployment packages); bodies beyond it get 413. */
    static final long MAX_BODY_BYTES = 512L * 1024 * 1024;

    private final EmulatorOptions options;
    private final Vertx vertx;
    private final Store store = new Store();
    private final Journal journal = new Journal();
    private final TraceSink traces = new TraceSink();
    private final Faults faults = new Faults();
    private final RateLimits rateLimits;
    private final Path uploads;
    private Context context;
    private HttpServer server;

    private UbiOpsEmulator(EmulatorOptions options) {
        this.options = options;
        this.rateLimits = new RateLimits(options.rateLimits());
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        try {
            this.uploads = Files.createTempDirectory("ubiops-emulator-uploads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an emulator and waits until it listens. */
    public static UbiOpsEmulator start(EmulatorOptions options) {
        UbiOpsEmulator emulator = new UbiOpsEmulator(options);
        try {
            emulator.vertx.deployVerticle(emulator.new ServerVerticle(), new DeploymentOptions())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            emulator.close();
            throw new IllegalStateException("UbiOps emulator did not start: " + e.getMessage(), e);
        }
        return emulator;
    }

    public int port() {
        return server.actualPort();
    }

    /** The API base URL, like {@code https://api.ubiops.com/v2.1}. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port() + "/v2.1";
    }

    /** The control endpoints' base URL. */
    public String controlUrl() {
        return "http://" + options.host() + ":" + port() + "/emulator";
    }

    public String token() {
        return options.token();
    }

    public EmulatorOptions options() {
        return options;
    }

    public Journal journal() {
        return journal;
    }

    TraceSink traces() {
        return traces;
    }

    public Faults faults() {
        return faults;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** Back to the start: seeded state (if seeding is on), no faults, rate limits as configured, empty journal and trace sink. */
    public void reset() {
        onLoop(() -> {
            resetState();
            return null;
        });
    }

    void resetState() {
        store.clear();
        deleteFiles(false); // the seed writes its packages anew
        if (options.seed()) {
            Seed.load(store, options, uploads);
        }
        faults.clear();
        rateLimits.reset(options.rateLimits());
        journal.clear();
        traces.clear();
    }

    /** Runs {@code work} on the emulator's event loop, where the state lives, and waits for it. */
    <T> T onLoop(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // closing is best effort: the files below go either way
        }
        deleteFiles(true);
    }

    /** Removes every stored package (and, on close, the directory itself). */
    private void deleteFiles(boolean includingDirectory) {
        try (var files = Files.walk(uploads)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .filter(p -> includingDirectory || !p.equals(uploads))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    Path uploads() {
        return uploads;
    }

    Vertx vertx() {
        return vertx;
    }

    Store store() {
        return store;
    }

    private Router router() {
        Router root = Router.router(vertx);
        ControlRoutes.mount(root, this);

        Router api = Router.router(vertx);
        api.route().handler(this::journalEntry);
        api.route().handler(faults::handle);
        api.route().handler(this::authenticate);
        api.route().handler(rateLimits::handle);
        api.route().handler(BodyHandler.create(uploads.toString()).setBodyLimit(MAX_BODY_BYTES)
                .setDeleteUploadedFilesOnEnd(true));
        Api operations = new Api(api, store, options);
        ProjectRoutes.mount(operations, this);
        DeploymentRoutes.mount(operations, this);
        root.route("/v2.1/*").subRouter(api);

        root.errorHandler(404, ctx -> Api.error(ctx, 404, "Not found"));
        root.errorHandler(405, ctx -> Api.error(ctx, 405, "Method \"" + ctx.request().method() + "\" not allowed."));
        root.errorHandler(413, ctx -> Api.error(ctx, 413, "Request body too large"));
        root.errorHandler(500, ctx -> Api.error(ctx, 500, "Internal server error"));
        return root;
    }

    private void journalEntry(RoutingContext ctx) {
        var request = ctx.request();
        Journal.Call call = journal.started(request.method().name(), request.path(), request.query());
        ctx.put(Journal.CALL, call);
        // a chunked answer's headers go out with its first part, long before its end: not waited for
        ctx.addHeadersEndHandler(v -> {
            if (!ctx.response().isChunked()) {
                call.leaving();
            }
        });
        ctx.addEndHandler(done -> call.answered(ctx.get(Api.OPERATION),
                done.succeeded() ? ctx.response().getStatusCode() : 0));
        ctx.next();
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || header.isBlank()) {
            Api.error(ctx, 401, "Authentication credentials were not provided.");
        } else if (!header.equals("Token " + options.token())) {
            Api.error(ctx, 401, "Invalid token.");
        } else {
            ctx.next();
        }
    }

    private final class ServerVerticle extends AbstractVerticle {
        @Override
        public void start(Promise<Void> started) {
            UbiOpsEmulator.this.context = context;
            resetState();
            vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
                            .setCompressionSupported(false).setTcpNoDelay(true))
                    .requestHandler(router())
                    .listen()
                    .onSuccess(s -> {
                        server = s;
                        started.complete();
                    })
                    .onFailure(started::fail);
        }
    }
}
