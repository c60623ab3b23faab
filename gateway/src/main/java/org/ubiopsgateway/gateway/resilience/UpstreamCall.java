package org.ubiopsgateway.gateway.resilience;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.ubiopsgateway.gateway.upstream.Idempotent;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the guard needs to know about one upstream operation, read from its JAX-RS annotations.
 *
 * <p>The retry rule: GET, PUT and DELETE are retried, and POSTs marked {@link Idempotent} (reads that carry their
 * query in a body). UbiOps's deletes address one resource by name or id, so a repeat leaves the same state (it may
 * answer 404 where an attempt that timed out had deleted already). Never retried: POSTs, which create (projects,
 * users, variables, deployments, versions, copies, builds) or upload a package, and PATCHes, which may rename the
 * resource they address and may not be repeatable (input fields updated one at a time).
 *
 * @param operation the client method's name: the metrics' {@code operation} tag
 * @param group     UbiOps's rate-limit group
 * @param retryable whether a failed attempt may be repeated
 * @param upload    a multipart package upload (its own, longer timeout)
 */
public record UpstreamCall(String operation, EndpointGroup group, boolean retryable, boolean upload) {

    private static final Set<String> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE);
    private static final Map<Method, UpstreamCall> CALLS = new ConcurrentHashMap<>();

    /** The call a REST client method makes. */
    public static UpstreamCall of(Method method) {
        return CALLS.computeIfAbsent(method, UpstreamCall::read);
    }

    private static UpstreamCall read(Method method) {
        String verb = Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull).map(HttpMethod::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method.getName() + " is not an HTTP operation"));
        Consumes consumes = method.getAnnotation(Consumes.class);
        boolean upload = consumes != null && Arrays.asList(consumes.value()).contains(MediaType.MULTIPART_FORM_DATA);
        Path path = method.getAnnotation(Path.class);
        EndpointGroup group = upload ? EndpointGroup.FILES
                : path != null && path.value().endsWith("/requests") ? EndpointGroup.REQUESTS : EndpointGroup.GENERAL;
        boolean retryable = !upload && (IDEMPOTENT.contains(verb) || method.isAnnotationPresent(Idempotent.class));
        return new UpstreamCall(method.getName(), group, retryable, upload);
    }
}
