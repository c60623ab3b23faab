package org.ubiopsgateway.gateway.error;

import org.ubiopsgateway.gateway.rest.QueryValues;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.UpstreamRefused;
import org.ubiopsgateway.model.common.Problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Every error leaves the gateway as RFC 9457 problem+json. Callers' mistakes are 4xx with what to fix;
 * upstream trouble is 5xx that names upstream; nothing carries a stack trace or internal class names.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** When UbiOps says 429 without saying when its window resets: its windows are one minute. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 60;

    @ServerExceptionMapper
    public Response upstream(UpstreamException e) {
        if (e instanceof UpstreamException.AuthenticationFailed || e instanceof UpstreamException.Forbidden) {
            return Problems.response(ProblemKind.UPSTREAM_CREDENTIALS, 502,
                    "UbiOps answered " + e.status() + " to the gateway's service token: " + e.upstreamMessage());
        }
        if (e instanceof UpstreamException.RateLimited r) {
            return Problems.builder(ProblemKind.UPSTREAM_RATE_LIMITED, 503,
                            "UbiOps's rate limit for the gateway is reached; retry later", null)
                    .header(HttpHeaders.RETRY_AFTER, r.resetSeconds() == null
                            ? DEFAULT_RETRY_AFTER_SECONDS : Math.max(1, r.resetSeconds() + 1))
                    .build();
        }
        if (e instanceof UpstreamException.ServerError) {
            return Problems.response(ProblemKind.UPSTREAM_FAILED, 502, "UbiOps answered " + e.status());
        }
        if (e instanceof UpstreamException.NotFound) {
            return Problems.response(ProblemKind.NOT_FOUND, 404, e.upstreamMessage());
        }
        if (e instanceof UpstreamException.Conflict) {
            return Problems.response(ProblemKind.UPSTREAM_CONFLICT, 409, e.upstreamMessage());
        }
        return Problems.response(ProblemKind.UPSTREAM_REJECTED, e.status(), e.upstreamMessage());
    }

    /** The gateway held a call back (open circuit, full bulkhead, spent budget): 503, and when to come back. */
    @ServerExceptionMapper
    public Response refused(UpstreamRefused e) {
        ProblemKind kind = switch (e.kind()) {
            case RATE_LIMITED -> ProblemKind.UPSTREAM_RATE_LIMITED;
            case CIRCUIT_OPEN -> ProblemKind.UPSTREAM_CIRCUIT_OPEN;
            case BULKHEAD_FULL -> ProblemKind.UPSTREAM_BUSY;
            default -> ProblemKind.UPSTREAM_FAILED;
        };
        return Problems.builder(kind, 503, e.getMessage() + "; retry later", null)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::onReturnValue)) {
            // A response that breaks our own contract is our bug, not the caller's.
            LOG.errorf("Response failed validation: %s", e.getMessage());
            return Problems.response(ProblemKind.INTERNAL, 500, "The gateway could not produce a valid answer");
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        return Problems.builder(ProblemKind.VALIDATION, 400, detail, violations).build();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequest e) {
        return Problems.builder(ProblemKind.VALIDATION, 400, e.getMessage(), e.violations()).build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLarge e, HttpServerRequest request) {
        RouteProblems.closeAfterAnswer(request);
        return Problems.response(ProblemKind.PAYLOAD_TOO_LARGE, 413, e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problems.response(ProblemKind.MALFORMED_BODY, 400, jsonDetail(e));
    }

    /** Declared apart from {@link #json} because Quarkus ships its own mapper for exactly this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        if (e.getCause() instanceof IllegalArgumentException) {
            // JAX-RS answers 404 when a path or query parameter does not convert; for a caller it is a bad request.
            return Problems.response(ProblemKind.VALIDATION, 400,
                    "A path or query parameter has a value of the wrong type"
                            + (e.getCause() instanceof NumberFormatException ? " (expected a whole number)" : ""));
        }
        return Problems.response(ProblemKind.NOT_FOUND, 404, "No such resource");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response.ResponseBuilder builder = Problems.builder(ProblemKind.METHOD_NOT_ALLOWED, 405,
                "This resource does not support that method", null);
        Set<String> allowed = e.getResponse().getAllowedMethods();
        if (!allowed.isEmpty()) {
            builder.header(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return Problems.response(ProblemKind.UNSUPPORTED_MEDIA_TYPE, 415, "This resource does not accept that content type");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problems.response(ProblemKind.NOT_ACCEPTABLE, 406, "This resource cannot answer in the requested media type");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 413) {
            return Problems.response(ProblemKind.PAYLOAD_TOO_LARGE, 413, "The request body is larger than the gateway accepts");
        }
        if (e instanceof ClientWebApplicationException) {
            // Raised by the upstream client on an answer it could not read (HTML from a proxy, say): not the caller's doing.
            LOG.warnf("Unreadable answer from UbiOps: %s", e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return Problems.response(ProblemKind.UPSTREAM_FAILED, 502, "UbiOps sent an answer the gateway could not read");
        }
        if (status >= 500) {
            return internal(e);
        }
        JsonProcessingException json = UpstreamFailure.cause(e, JsonProcessingException.class);
        if (json != null) {
            return json(json);
        }
        if (status == 404) {
            return Problems.response(ProblemKind.NOT_FOUND, 404, "No such resource");
        }
        return Problems.response(ProblemKind.of(status), status, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    /** Failures to reach UbiOps at all (a local file failure is not one), and everything unforeseen. */
    @ServerExceptionMapper
    public Response other(Throwable e) {
        if (fromFormParsing(e)) {
            return Problems.response(ProblemKind.MALFORMED_BODY, 400, "The form or multipart body is malformed or incomplete");
        }
        UpstreamFailure failure = UpstreamFailure.of(e).orElse(null);
        if (failure == UpstreamFailure.TIMEOUT) {
            return Problems.response(ProblemKind.UPSTREAM_TIMEOUT, 504, "UbiOps did not answer in time");
        }
        if (failure == UpstreamFailure.UNREACHABLE) {
            return Problems.response(ProblemKind.UPSTREAM_UNREACHABLE, 502, "The gateway could not reach UbiOps");
        }
        return internal(e);
    }

    /**
     * The answer that the mapper Quarkus REST would choose for {@code e} (the one for its closest type) gives, for a
     * read answered before Quarkus REST ({@code cache.DirectReads}): what such a read can raise, its failure unwrapped
     * from the {@link CompletionException} of its answer.
     */
    public Response toResponse(Throwable e) {
        Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (failure instanceof UpstreamException upstream) {
            return upstream(upstream);
        }
        if (failure instanceof UpstreamRefused refused) {
            return refused(refused);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return validation(violations);
        }
        if (failure instanceof BadRequest badRequest) {
            return badRequest(badRequest);
        }
        if (failure instanceof NotFoundException notFound) {
            return notFound(notFound);
        }
        if (failure instanceof WebApplicationException web) {
            return web(web);
        }
        return other(failure);
    }

    /**
     * Raised while Quarkus parsed the caller's form or multipart body (a broken percent-escape, a boundary never
     * found, a broken part header): told apart by where it was raised, since it is an I/O failure or an
     * IllegalArgumentException like failures that have nothing to do with the caller.
     */
    private static boolean fromFormParsing(Throwable e) {
        String parsers = MultipartParser.class.getPackageName() + ".";
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (Arrays.stream(t.getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith(parsers))) {
                return true;
            }
        }
        return false;
    }

    private static Response internal(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Problems.response(ProblemKind.INTERNAL, 500, "The gateway failed to handle this request");
    }

    private static boolean onReturnValue(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }

    /** {@code name} or {@code inputFields[0].dataType} for body fields; the parameter's name otherwise. */
    static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        int start = 0;
        for (int i = 0; i < nodes.size(); i++) {
            ElementKind kind = nodes.get(i).getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                start = i + 1;
            }
        }
        List<Path.Node> rest = nodes.subList(start, nodes.size());
        if (rest.size() > 1 && rest.get(0).getKind() == ElementKind.PARAMETER) {
            rest = rest.subList(1, rest.size()); // a body's fields: drop the Java parameter name
        }
        StringBuilder text = new StringBuilder();
        for (Path.Node node : rest) {
            if (node.isInIterable()) {
                // a node's index or key is its place in the container before it: inputFields[0].name
                text.append('[').append(node.getIndex() != null ? node.getIndex()
                        : node.getKey() == null ? "" : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) { // <list element>, <map key>: no field name of their own
                text.append(text.isEmpty() ? "" : ".").append(name);
            }
        }
        return text.toString();
    }

    /** Says where and what, in the caller's terms (JSON field paths), never Java types. */
    static String jsonDetail(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "The body is not valid JSON" + location(e);
        }
        if (e instanceof JsonMappingException m) {
            String field = jsonPath(m);
            if (m instanceof UnrecognizedPropertyException u) {
                return "Unknown field '" + (field.isEmpty() ? u.getPropertyName() : field) + "'";
            }
            if (field.isEmpty()) {
                return "The body does not have the expected shape";
            }
            Class<?> target = m instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            if (target != null && target.isEnum() && m instanceof InvalidFormatException f) {
                return "Field '" + field + "' has an invalid value '" + f.getValue() + "'; allowed: " + QueryValues.allowed(target);
            }
            if (m.getCause() instanceof InputCoercionException
                    || m instanceof InvalidFormatException f && f.getValue() instanceof Double d && d.isInfinite()) {
                return "Field '" + field + "' is out of range";
            }
            return target == null ? "Field '" + field + "' is invalid" : "Field '" + field + "' must be " + expected(target);
        }
        if (e instanceof StreamConstraintsException) {
            return "The body exceeds the gateway's JSON limits (nesting depth, length of a string or number)";
        }
        return "The body could not be read";
    }

    /** What a field of this type takes, in JSON terms: values are never coerced from another type (StrictJson). */
    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of: " + QueryValues.allowed(type);
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "an array" : "an object";
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
