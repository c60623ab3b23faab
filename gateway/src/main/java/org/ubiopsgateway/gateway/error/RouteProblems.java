package org.ubiopsgateway.gateway.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.ubiopsgateway.model.common.Problem;

import java.io.UncheckedIOException;

/**
 * Problem+json for what the Vert.x router refuses before JAX-RS sees a request: a request without a Host or with a
 * relative target, a body declared too large ({@link PayloadTooLarge}). Quarkus would answer these with an empty
 * body or an error id. Refused before any router, and so without a body: what breaks HTTP itself (a request line
 * or headers over the limits, an unreadable Content-Length) by the HTTP server, and a URI that does not parse (a
 * broken percent-escape such as {@code %zz}) by Quarkus's first handler.
 */
@ApplicationScoped
public class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);

    private final ObjectMapper json;

    public RouteProblems(ObjectMapper json) {
        this.json = json;
    }

    /** First of the failure handlers: Quarkus's own come last. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.response().ended()) {
            // Answered already (a 413 while the body was still arriving, say): what fails afterwards has no one to tell.
            LOG.debugf("After the answer to %s: %s", ctx.request().path(), ctx.failure());
        } else if (ctx.failure() instanceof PayloadTooLarge tooLarge) {
            closeAfterAnswer(ctx.request());
            send(ctx, 413, tooLarge.getMessage());
        } else if (!ctx.response().headWritten() && status >= 400 && status < 500 && status != 401 && status != 403) {
            // 401 and 403 are left to the security handlers, which add their challenge.
            send(ctx, status, detail(status));
        } else {
            ctx.next();
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request's path, query or headers could not be read";
            case 404 -> "No such resource";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }

    private void send(RoutingContext ctx, int status, String detail) {
        ProblemKind kind = ProblemKind.of(status);
        try {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(new Problem(kind.type(), kind.title(), status, detail, null)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the connection once the answer is out, as Quarkus does after its own 413: a body left unread must not
     * be taken for the next request. A client that sent {@code Expect: 100-continue} never sends it.
     */
    static void closeAfterAnswer(HttpServerRequest request) {
        request.response().putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> request.connection().close());
    }
}
