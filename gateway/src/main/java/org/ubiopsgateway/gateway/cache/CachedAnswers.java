package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import org.ubiopsgateway.gateway.observability.ServerSpans;
import org.ubiopsgateway.gateway.ratelimit.CallerRateLimit;
import org.ubiopsgateway.gateway.security.AccessFilter;
import org.ubiopsgateway.gateway.security.Caller;
import org.ubiopsgateway.gateway.security.RouteTable;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Cache hits answered before Quarkus REST. A GET whose answer was one cache entry as it is (no other read, nothing
 * built for the caller) is remembered by its URI, with that entry and its route; the next GET of the same URI is
 * answered here, from the same entry while it is still the one cached and fresh, for a bearer token the gate verified
 * on an earlier request, after the same gate decision (role, project), the same caller rate limit, with the same
 * headers and the same route template for metrics and tracing. Anything else goes the whole way, as before: another
 * token, a refusal, an entry replaced or expired, an {@code Accept} other than plain JSON, a body. The reason is in
 * docs/request-path.md ("The cached read").
 */
@ApplicationScoped // a proxy: CacheHeaders, made at static init, reaches it only once requests are served
public class CachedAnswers {

    /** Quarkus orders its HTTP filters by the negative of their priority: after CORS (300), before authentication (200). */
    static final int ORDER = -250;
    private static final Set<String> PLAIN_JSON = Set.of("*/*", "application/*", MediaType.APPLICATION_JSON);
    private static final int REMEMBERED = 10_000;

    private final ReadCache cache;
    private final AccessFilter gate;
    private final CallerRateLimit limits;
    private final ObjectMapper json;
    private final Cache<String, Answer> answers = Caffeine.newBuilder().maximumSize(REMEMBERED)
            .executor(Runnable::run) // upkeep on the caller's thread: no pool thread woken per request
            .build();

    public CachedAnswers(ReadCache cache, AccessFilter gate, CallerRateLimit limits, ObjectMapper json) {
        this.cache = cache;
        this.gate = gate;
        this.limits = limits;
        this.json = json;
    }

    /**
     * An answer as the whole way wrote it: the entry (weakly, so that remembering an answer never keeps an entry the
     * cache has dropped), its route, and the headers other filters gave it.
     */
    private record Answer(WeakReference<Entry> entry, RouteTable.Matched route, String template,
                          List<Map.Entry<String, String>> headers) {
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::serve);
    }

    /**
     * A successful JSON read of {@code value} for {@code route}, however it was served (through Quarkus REST,
     * {@link CacheHeaders}, or before it, {@link DirectReads}): its cache headers through {@code header}, and its JSON,
     * or null when {@code ifNoneMatch} matches (a 304). An answer that is one cache entry as it is is written as stored
     * and remembered here, with {@code headers}, those set before the cache's.
     */
    byte[] answer(RoutingContext routing, Object value, RouteTable.Matched route,
                  List<Map.Entry<String, String>> headers, String ifNoneMatch, BiConsumer<String, String> header)
            throws JsonProcessingException {
        CacheOutcome outcome = routing.get(CacheOutcome.KEY);
        byte[] body;
        String etag;
        if (outcome != null && outcome.entry().value() == value) {
            body = outcome.entry().json();
            etag = outcome.entry().etag();
            remember(routing, outcome, route, headers);
        } else {
            body = json.writeValueAsBytes(value); // a value built for this request (filtered for the caller, say)
            etag = ReadCache.etag(body);
        }
        CacheHeaders.put(header, outcome == null ? null : outcome.status(), outcome == null ? 0 : outcome.ageSeconds(),
                etag);
        return CacheHeaders.matches(ifNoneMatch, etag) ? null : body;
    }

    /** Called for an answer written from {@code outcome}'s entry as it is, with the headers set before the cache's. */
    private void remember(RoutingContext routing, CacheOutcome outcome, RouteTable.Matched route,
                  List<Map.Entry<String, String>> headers) {
        if (route != null && outcome.single() && outcome.status() != CacheStatus.STALE) {
            answers.put(routing.request().uri(),
                    new Answer(new WeakReference<>(outcome.entry()), route, RouteTable.BASE + route.rule().template(), headers));
        }
    }

    private void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        Answer answer = request.method() == HttpMethod.GET ? answers.getIfPresent(request.uri()) : null;
        if (answer == null || hasBody(request) || !acceptsPlainJson(request.getHeader(HttpHeaders.ACCEPT))) {
            routing.next();
            return;
        }
        Entry entry = answer.entry().get();
        long now = cache.now();
        if (entry == null || !cache.isCurrent(entry, now) || !admits(request, answer.route())) {
            routing.next();
            return;
        }
        cache.countHit(entry.region());
        Vertx.currentContext().putLocal(ServerSpans.ROUTE_TEMPLATE, answer.template()); // the request's own context
        HttpServerResponse response = routing.response();
        MultiMap headers = response.headers();
        for (Map.Entry<String, String> header : answer.headers()) {
            headers.add(header.getKey(), header.getValue());
        }
        CacheHeaders.put(headers::set, CacheStatus.HIT, entry.ageMillis(now) / 1000, entry.etag());
        if (CacheHeaders.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), entry.etag())) {
            response.setStatusCode(304).end();
        } else {
            headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            response.end(Buffer.buffer(entry.json()));
        }
    }

    /**
     * Whether the caller of a bearer token the gate verified before may use {@code route} now: the gate's decision and
     * the caller's rate limit, by the same code as the whole way. False sends the request the whole way.
     */
    boolean admits(HttpServerRequest request, RouteTable.Matched route) {
        Caller caller = gate.admitted(request.getHeader(HttpHeaders.AUTHORIZATION), route);
        return caller != null && limits.admits(caller.subject());
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.equals("0")) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** No {@code Accept}, or a list of types that includes JSON without parameters (a q-value is left to Quarkus). */
    static boolean acceptsPlainJson(String accept) {
        if (accept == null) {
            return true;
        }
        if (accept.indexOf(';') >= 0) {
            return false;
        }
        for (String type : accept.split(",")) {
            if (PLAIN_JSON.contains(type.trim())) {
                return true;
            }
        }
        return false;
    }
}
