package org.ubiopsgateway.gateway.revisions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.error.ProblemKind;
import org.ubiopsgateway.model.common.Problem;

import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Two body limits: deployment package uploads may be large (they go to disk), every other body stays small
 * (it is read into memory). Quarkus knows only one limit, {@code quarkus.http.limits.max-body-size}, which
 * therefore is the upload limit; this handler applies the right one to each request:
 * <ul>
 *     <li>a declared {@code Content-Length} over the limit is refused before any byte of the body is read,
 *     with 413 problem+json (Quarkus's own check, which runs right after, would answer an empty 413);</li>
 *     <li>a body without a length (chunked) is counted while read: uploads by Quarkus's multipart parser against
 *     the upload limit (its 413 is mapped to problem+json like any other error), other bodies by Quarkus's
 *     request stream against the limit this handler puts where that stream looks for it (that stream answers
 *     a bare 413 itself: the one case without a problem document).</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimits {

    private static final Logger LOG = Logger.getLogger(BodyLimits.class);
    /** Where Quarkus's body-size check leaves the limit for the request stream (VertxInputStream) to enforce. */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";
    /** The one route whose bodies may be large: a new revision's package. */
    private static final Pattern UPLOAD_PATH =
            Pattern.compile("^/api/v1/projects/[^/]+/deployments/[^/]+/versions/[^/]+/revisions/?$");
    /** Before Quarkus's own check (order -2), so the caller gets a problem document rather than an empty 413. */
    private static final int CHECK_ORDER = -3;
    /** After Quarkus's own check, which sets {@link #QUARKUS_LIMIT_KEY} to the upload limit for every request. */
    private static final int KEY_ORDER = -1;

    private final BodyLimitsConfig config;
    private final ObjectMapper json;

    public BodyLimits(BodyLimitsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(CHECK_ORDER).handler(this::checkDeclaredLength).failureHandler(BodyLimits::afterRefusal);
        router.route().order(KEY_ORDER).handler(ctx -> {
            if (!isUpload(ctx.request())) {
                ctx.put(QUARKUS_LIMIT_KEY, config.body().asLongValue());
            }
            ctx.next();
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        long limit = limit(ctx.request());
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isOver(declared, limit)) {
            refuse(ctx, limit);
        } else {
            ctx.next();
        }
    }

    /**
     * A body refused while it was read has its 413 already; what fails afterwards (the parser seeing more data,
     * a writer finding the response written) has no one left to tell, and is not an error of the gateway.
     */
    private static void afterRefusal(RoutingContext ctx) {
        if (ctx.response().ended() && ctx.response().getStatusCode() == 413) {
            LOG.debugf("After a 413 on %s: %s", ctx.request().path(), ctx.failure());
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

    /**
     * Answers without reading the body and closes the connection afterwards, as Quarkus does: the unread body
     * must not be taken for the next request. A client that sent {@code Expect: 100-continue} never sends it.
     */
    private void refuse(RoutingContext ctx, long limit) {
        Problem problem = new Problem(ProblemKind.PAYLOAD_TOO_LARGE.type(), ProblemKind.PAYLOAD_TOO_LARGE.title(), 413,
                "The request body is larger than the gateway accepts here (at most " + limit + " bytes)", null);
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> ctx.request().connection().close())
                .end(encode(problem));
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long limit(HttpServerRequest request) {
        return (isUpload(request) ? config.upload() : config.body()).asLongValue();
    }

    /** A multipart POST to a version's revisions: the only request whose body may be a package. */
    static boolean isUpload(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return request.method() == HttpMethod.POST && type != null
                && type.regionMatches(true, 0, "multipart/form-data", 0, "multipart/form-data".length())
                && UPLOAD_PATH.matcher(request.path()).matches();
    }
}
