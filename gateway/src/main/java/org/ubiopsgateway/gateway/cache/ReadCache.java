package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.eventloop.EventLoops;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read cache in front of upstream. Per key: a fresh entry is served without an upstream call; otherwise one
 * upstream call serves every concurrent reader (single flight); only successes are stored; when that call fails
 * because upstream is unavailable ({@link UpstreamFailure}) and an expired entry is still within
 * {@code gateway.cache.stale-for}, the expired entry is served, marked STALE.
 *
 * <p>Storage is Caffeine, one cache per {@link Region}, doing its upkeep on the caller's thread: Quarkus Cache builds
 * its caches on the JDK's common pool, and every store there woke a pool thread (docs/architecture.md, Decisions). The
 * flights are kept here rather than in a loading cache, because a load must be told apart from a lookup (stale
 * serving needs the old entry while the new one loads) and an invalidation must detach a load that started before
 * the write it follows.
 */
@Startup // a misconfigured region stops the start, not the first read
@Singleton // no client proxy: a cache hit calls it three times, and the proxy's lookup was 0.5 % of its CPU
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    private final CacheConfig config;
    private final ObjectMapper json;
    private final CurrentVertxRequest request;
    private final Clock clock;
    private final Map<Region, Cache<String, Entry>> caches = new EnumMap<>(Region.class);
    private final Map<Region, Long> ttlMillis = new EnumMap<>(Region.class);
    private final Map<Region, Map<CacheStatus, Counter>> counters = new EnumMap<>(Region.class);
    private final Map<FlightKey, Uni<Entry>> flights = new ConcurrentHashMap<>();

    public ReadCache(CacheConfig config, ObjectMapper json, CurrentVertxRequest request, MeterRegistry metrics) {
        this.config = config;
        this.json = json;
        this.request = request;
        this.clock = Clock.systemUTC();
        for (Region region : Region.values()) {
            CacheConfig.Region policy = region.policy(config);
            // Entries outlive their TTL by the stale window, so an expired one can stand in while upstream fails.
            caches.put(region, Caffeine.newBuilder()
                    .expireAfterWrite(policy.ttl().plus(config.staleFor()))
                    .maximumSize(policy.maximumSize())
                    .executor(Runnable::run)
                    .build());
            ttlMillis.put(region, policy.ttl().toMillis());
            Map<CacheStatus, Counter> byStatus = new EnumMap<>(CacheStatus.class);
            for (CacheStatus status : CacheStatus.values()) {
                byStatus.put(status, Counter.builder("gateway.cache.requests")
                        .description("Reads through the gateway's cache, by cache and result")
                        .tag("cache", region.cacheName()).tag("result", status.name().toLowerCase())
                        .register(metrics));
            }
            counters.put(region, byStatus);
        }
    }

    /**
     * The value for {@code key}: from the cache when fresh, else from {@code loader} (one call for all concurrent
     * readers of the key), else, when upstream is unavailable, the expired entry. Call it on the request's thread:
     * it notes the outcome on the request for the response headers.
     */
    public <T> Uni<T> read(Region region, String key, Supplier<Uni<T>> loader) {
        return read(region, key, loader, value -> true);
    }

    /** As {@link #read(Region, String, Supplier)}, but a loaded value is kept only if {@code storable} says so. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> read(Region region, String key, Supplier<Uni<T>> loader, Predicate<T> storable) {
        RoutingContext routing = currentRequest();
        Context context = Vertx.currentContext();
        long now = clock.millis();
        Entry cached = lookup(region, key, now);
        if (cached != null && isFresh(cached, now)) {
            note(routing, region, CacheStatus.HIT, cached, now);
            return Uni.createFrom().item((T) cached.value());
        }
        return flight(region, key, loader, (Predicate<Object>) storable)
                .emitOn(EventLoops.on(context)) // a reader that joined another request's load goes on on its own loop
                .map(entry -> {
                    note(routing, region, CacheStatus.MISS, entry, entry.storedAtMillis());
                    return (T) entry.value();
                })
                .onFailure(failure -> cached != null && UpstreamFailure.of(failure).isPresent())
                .recoverWithItem(failure -> {
                    LOG.debugf("Serving stale %s/%s: %s", region.cacheName(), key, failure.toString());
                    note(routing, region, CacheStatus.STALE, cached, clock.millis());
                    return (T) cached.value();
                });
    }

    long now() {
        return clock.millis();
    }

    /** Whether {@code entry} is still the one cached under its key, and fresh at {@code now}: a read would hit it. */
    boolean isCurrent(Entry entry, long now) {
        // Quietly, as a hit answered before Quarkus REST is no read of the cache: a recorded read would run Caffeine's
        // upkeep on the event loop every few reads (16 % fewer cached reads a second in compare.sh, 160214Z).
        return caches.get(entry.region()).policy().getIfPresentQuietly(entry.key()) == entry && isFresh(entry, now);
    }

    /** Younger than its region's TTL: served without an upstream call. */
    private boolean isFresh(Entry entry, long now) {
        return entry.ageMillis(now) < ttlMillis.get(entry.region());
    }

    /** Counts a hit served without {@link #read}: an answer written from an entry as it is. */
    void countHit(Region region) {
        counters.get(region).get(CacheStatus.HIT).increment();
    }

    /** Drops every entry {@code invalidation} selects, in every region, and detaches loads of them in flight. */
    void evict(Invalidation invalidation) {
        flights.keySet().removeIf(flight -> invalidation.matches(flight.key()));
        caches.values().forEach(cache -> cache.asMap().keySet().removeIf(invalidation::matches));
    }

    /** Drops everything: after missed invalidations (a lost Redis connection), nothing cached can be trusted. */
    public void clear() {
        flights.clear();
        caches.values().forEach(Cache::invalidateAll);
    }

    private Entry lookup(Region region, String key, long now) {
        Entry entry = caches.get(region).getIfPresent(key);
        long limit = ttlMillis.get(region) + config.staleFor().toMillis();
        return entry == null || entry.ageMillis(now) >= limit ? null : entry;
    }

    private Uni<Entry> flight(Region region, String key, Supplier<? extends Uni<?>> loader,
                              Predicate<Object> storable) {
        FlightKey flightKey = new FlightKey(region, key);
        return flights.computeIfAbsent(flightKey, k -> {
            AtomicReference<Uni<Entry>> self = new AtomicReference<>();
            Uni<Entry> load = Uni.createFrom().<Object>deferred(loader::get)
                    .map(value -> new Entry(region, key, value, clock.millis(), json))
                    .invoke(entry -> {
                        // Not stored when an invalidation detached this load: it may predate the write.
                        if (flights.remove(k, self.get()) && storable.test(entry.value())) {
                            caches.get(region).put(key, entry);
                        }
                    })
                    .onFailure().invoke(() -> flights.remove(k, self.get()))
                    .memoize().indefinitely();
            self.set(load);
            return load;
        });
    }

    /** A strong ETag from the JSON itself: equal answers get equal tags on every replica. */
    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void note(RoutingContext routing, Region region, CacheStatus status, Entry entry, long now) {
        counters.get(region).get(status).increment();
        if (routing != null) {
            // An answer built from several reads (an effective view, an overview) is as stale as its stalest part.
            CacheOutcome earlier = routing.get(CacheOutcome.KEY);
            CacheOutcome outcome = new CacheOutcome(status, entry, entry.ageMillis(now) / 1000, true);
            routing.put(CacheOutcome.KEY, earlier == null ? outcome : earlier.and(outcome));
        }
    }

    private RoutingContext currentRequest() {
        Context context = Vertx.currentContext();
        RoutingContext direct = context == null ? null : context.getLocal(DirectReads.REQUEST);
        if (direct != null) {
            return direct; // a read answered before Quarkus REST, where its request context is not active
        }
        try {
            return request.getCurrent();
        } catch (ContextNotActiveException e) {
            return null; // not serving a request (a health check, say): no headers to set
        }
    }

    private record FlightKey(Region region, String key) {
    }
}
