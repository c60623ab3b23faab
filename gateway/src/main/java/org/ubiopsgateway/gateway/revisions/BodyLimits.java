package org.ubiopsgateway.gateway.revisions;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.ubiopsgateway.contract.RevisionsApi;
import org.ubiopsgateway.gateway.error.PayloadTooLarge;
import org.ubiopsgateway.gateway.security.RouteTable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Two body limits: deployment package uploads may be large (they go to disk), every other body stays small
 * (it is read into memory). Quarkus knows only one limit, {@code quarkus.http.limits.max-body-size}, which
 * therefore is the upload limit. Over either limit the caller gets 413 problem+json ({@link PayloadTooLarge}):
 * <ul>
 *     <li>a declared {@code Content-Length} over the route's limit is refused before any byte of the body is read
 *     (Quarkus's own check, which runs right after, would answer an empty 413);</li>
 *     <li>a body without a length (chunked) is counted while read: an upload by Quarkus's multipart parser against
 *     the upload limit, a JSON body by {@link #aroundReadFrom} against the body limit, any other body (a form) by
 *     Quarkus's request stream against the body limit this handler puts where that stream looks for it (that stream
 *     answers a bare 413 itself: the one case without a problem document, a chunked form over the limit).</li>
 * </ul>
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
@ApplicationScoped
public class BodyLimits implements ReaderInterceptor {

    /** The one route whose bodies may be large: a new revision's package, POSTed as multipart. */
    private static final String UPLOAD_ROUTE = RevisionsApi.PATH.substring(RouteTable.BASE.length()) + "/revisions";
    /** Where Quarkus's body-size check leaves the limit for the request stream (VertxInputStream) to enforce. */
    private static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";
    /** Before Quarkus's own check (order -2), so the caller gets a problem document rather than an empty 413. */
    private static final int CHECK_ORDER = -3;
    /** After Quarkus's own check, which sets {@link #QUARKUS_LIMIT_KEY} to the upload limit for every request. */
    private static final int KEY_ORDER = -1;

    private final BodyLimitsConfig config;

    public BodyLimits(BodyLimitsConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(CHECK_ORDER).handler(this::checkDeclaredLength);
        router.route().order(KEY_ORDER).handler(ctx -> {
            // JSON is counted by aroundReadFrom, with a problem document: the stream's bare 413 must not come first.
            if (!isUpload(ctx) && !isJson(ctx)) {
                ctx.put(QUARKUS_LIMIT_KEY, config.body().asLongValue());
            }
            ctx.next();
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = declared == null ? 0 : (isUpload(ctx) ? config.upload() : config.body()).asLongValue();
        if (declared != null && isOver(declared, limit)) {
            ctx.fail(413, new PayloadTooLarge(limit));
        } else {
            ctx.next();
        }
    }

    /** A length that is not a number is left to Vert.x, which refuses it. */
    private static boolean isOver(String declared, long limit) {
        try {
            return Long.parseLong(declared.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isJson(RoutingContext ctx) {
        return hasType(ctx, "application/json");
    }

    /** Whether the body's media type, parameters aside, is {@code type}. */
    private static boolean hasType(RoutingContext ctx, String type) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        int parameters = declared == null ? -1 : declared.indexOf(';');
        return declared != null && (parameters < 0 ? declared : declared.substring(0, parameters)).strip().equalsIgnoreCase(type);
    }

    /**
     * A multipart POST to a version's revisions, judged on the path as the gate and JAX-RS see it (dot segments
     * resolved, unreserved characters decoded), so no spelling of another path gets the upload limit.
     */
    private static boolean isUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && hasType(ctx, "multipart/form-data")
                && RouteTable.covers(ctx.normalizedPath())
                && RouteTable.API.lookup(HttpMethod.POST.name(), ctx.normalizedPath()) instanceof RouteTable.Matched route
                && route.rule().template().equals(UPLOAD_ROUTE);
    }

    /** Every entity JAX-RS reads is a non-upload body (uploads are parsed as forms): counted against the body limit. */
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), config.body().asLongValue()));
        return context.proceed();
    }

    /** Fails the read once more than {@code limit} bytes came: the caller's 413, however the body was framed. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }
    }
}
