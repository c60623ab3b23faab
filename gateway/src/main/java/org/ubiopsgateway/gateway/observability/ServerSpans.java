package org.ubiopsgateway.gateway.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server span of every request, made here rather than by Quarkus's instrumentation of the Vert.x HTTP server,
 * which the server's tracing policy turns off (the HTTP client's, which makes the spans of the calls to UbiOps, stays).
 * That one ran OpenTelemetry's whole set of HTTP attribute extractors per request, two {@code URI} parses among them;
 * without it a cached read did 1.05 times as many requests a second (docs/request-path.md).
 * <p>
 * This one continues the caller's W3C trace, records the attributes a trace view needs, makes the span current on the
 * request's Vert.x context (so the REST client's spans are its children and every log line of the request, the access
 * line included, carries its trace id), and ends it with the response, named by the route's template, an error for a
 * 5xx. Not recorded: the query string (which the access log leaves out too) and the peer's port.
 */
@Singleton
public class ServerSpans implements HttpServerOptionsCustomizer {

    /** First on the router, before CORS (-300) and {@code CachedAnswers} (-250): every answer is traced. */
    static final int ORDER = -10_000;
    /**
     * Where Quarkus REST and the gateway's routes that answer before it put a request's route template, on its Vert.x
     * context: Quarkus's HTTP server metrics read it there too.
     */
    public static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean enabled;

    public ServerSpans(OpenTelemetry openTelemetry,
                       @ConfigProperty(name = TracingSwitch.SDK_DISABLED, defaultValue = "false") boolean disabled) {
        this.tracer = openTelemetry.getTracer("org.ubiopsgateway.gateway");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.enabled = !disabled;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setTracingPolicy(TracingPolicy.IGNORE);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setTracingPolicy(TracingPolicy.IGNORE);
    }

    @Override
    public void customizeDomainSocketServer(HttpServerOptions options) {
        options.setTracingPolicy(TracingPolicy.IGNORE);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this::start);
        }
    }

    private void start(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String method = request.method().name();
        Context parent = propagator.extract(Context.root(), request, HEADERS);
        var span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method)
                .setAttribute(UrlAttributes.URL_PATH, request.path())
                .setAttribute(UrlAttributes.URL_SCHEME, request.scheme())
                .setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, version(request.version()));
        SocketAddress local = request.localAddress();
        if (local != null) {
            span.setAttribute(ServerAttributes.SERVER_PORT, (long) local.port());
        }
        HostAndPort authority = request.authority();
        if (authority != null) {
            span.setAttribute(ServerAttributes.SERVER_ADDRESS, authority.host());
        }
        SocketAddress remote = request.remoteAddress();
        if (remote != null) {
            span.setAttribute(ClientAttributes.CLIENT_ADDRESS, remote.hostAddress());
        }
        String agent = request.getHeader(HttpHeaders.USER_AGENT);
        if (agent != null) {
            span.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, agent);
        }
        Span started = span.startSpan();
        io.vertx.core.Context vertxContext = Vertx.currentContext();
        // Not closed: the request's Vert.x context ends with it, and the access line, written after the response,
        // still needs the trace id this puts in the log's MDC.
        parent.with(started).makeCurrent();
        routing.addEndHandler(done -> end(started, routing, vertxContext, method));
        routing.next();
    }

    private static void end(Span span, RoutingContext routing, io.vertx.core.Context vertxContext, String method) {
        int status = routing.response().getStatusCode();
        span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
        Object template = vertxContext == null ? null : vertxContext.getLocal(ROUTE_TEMPLATE);
        if (template != null) {
            span.setAttribute(HttpAttributes.HTTP_ROUTE, template.toString());
            span.updateName(method + " " + template);
        }
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private static String version(HttpVersion version) {
        return switch (version) {
            case HTTP_1_0 -> "1.0";
            case HTTP_1_1 -> "1.1";
            case HTTP_2 -> "2";
        };
    }
}
