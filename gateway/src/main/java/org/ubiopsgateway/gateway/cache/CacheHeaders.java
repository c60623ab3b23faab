package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.ubiopsgateway.gateway.security.AccessFilter;
import org.ubiopsgateway.model.common.Identifiable;

import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Every successful JSON read answers with an {@code ETag} (of the JSON it sends) and
 * {@code Cache-Control: private, no-cache}, and a matching {@code If-None-Match} gets {@code 304} without a body. Reads through the cache also say {@code X-Cache} and
 * {@code Age}; a cached entry's JSON is written as it was stored, not serialised again, and such an answer is handed
 * to {@link CachedAnswers}, which answers the next request for it before Quarkus REST.
 */
@Provider
@Priority(Priorities.USER) // runs after the filters with a higher priority, which still see the entity
public class CacheHeaders implements ContainerResponseFilter {

    public static final String X_CACHE = "X-Cache";
    /** The caller's browser may keep a read, but asks again (with its ETag) before each use; no shared cache keeps it. */
    static final String REVALIDATE = "private, no-cache";

    private final CurrentVertxRequest request;
    private final CachedAnswers answers;

    public CacheHeaders(CurrentVertxRequest request, CachedAnswers answers) {
        this.request = request;
        this.answers = answers;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext response)
            throws JsonProcessingException {
        Object entity = response.getEntity();
        if (!HttpMethod.GET.equals(requestContext.getMethod()) || response.getStatus() != 200
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType()) || !isModel(entity)) {
            return;
        }
        byte[] body = answers.answer(request.getCurrent(), entity, AccessFilter.route(requestContext),
                response.getStringHeaders().entrySet().stream()
                        .flatMap(h -> h.getValue().stream().map(v -> Map.entry(h.getKey(), v))).toList(),
                requestContext.getHeaderString(HttpHeaders.IF_NONE_MATCH), response.getHeaders()::putSingle);
        if (body == null) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** The headers of a JSON read: {@code X-Cache} and {@code Age} when it went through the cache ({@code status}). */
    static void put(BiConsumer<String, String> header, CacheStatus status, long ageSeconds, String etag) {
        if (status != null) {
            header.accept(X_CACHE, status.name());
            header.accept("Age", Long.toString(ageSeconds));
        }
        header.accept(HttpHeaders.ETAG, etag);
        header.accept(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }

    /** Records and lists of them: not streams, files or bytes, which are written as they are. */
    private static boolean isModel(Object entity) {
        return entity instanceof Record || entity instanceof Collection<?> || entity instanceof Identifiable;
    }

    /** RFC 9110 weak comparison: a list of tags, {@code W/} ignored, {@code *} matching anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
