package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.redis.RedisBackend;

import java.time.Instant;
import java.util.UUID;

/**
 * Carries invalidations between replicas over Redis pub/sub, so a caller whose next read lands on another replica
 * still reads its own write. Each replica keeps its local cache (a hit never leaves the process); Redis only
 * carries the small invalidation messages.
 *
 * <p>While Redis is away, each replica's cache keeps serving, stale for at most its TTL, and readiness reports it.
 * Invalidations may be missed meanwhile, so on (re)subscribing the local cache is emptied.
 */
@ApplicationScoped
public class InvalidationBroadcast {

    private static final Logger LOG = Logger.getLogger(InvalidationBroadcast.class);

    /** Connection to Redis for receiving: {@code DISABLED} without Redis. */
    public enum State { DISABLED, CONNECTING, SUBSCRIBED, DISCONNECTED }

    @RegisterForReflection
    record Message(String origin, Invalidation invalidation) {
    }

    private final RedisBackend redis;
    private final ReadCache cache;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final String origin = UUID.randomUUID().toString();
    private volatile State state;
    private volatile Instant since = Instant.now();
    private volatile boolean stopped;

    public InvalidationBroadcast(RedisBackend redis, ReadCache cache, ObjectMapper json, Vertx vertx) {
        this.redis = redis;
        this.cache = cache;
        this.json = json;
        this.vertx = vertx;
        this.state = redis.enabled() ? State.CONNECTING : State.DISABLED;
    }

    void start(@Observes StartupEvent event) {
        if (redis.enabled()) {
            subscribe();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    public State state() {
        return state;
    }

    /** When the state last changed. */
    public Instant since() {
        return since;
    }

    /** Tells the other replicas; a Redis failure is logged, never fails the write that caused it. */
    Uni<Void> publish(Invalidation invalidation) {
        if (!redis.enabled()) {
            return Uni.createFrom().voidItem();
        }
        String message;
        try {
            message = json.writeValueAsString(new Message(origin, invalidation));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return redis.send(Command.PUBLISH, channel(), message).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Could not broadcast a cache invalidation (other replicas stay stale up to their TTL): %s",
                            failure.toString());
                    return null;
                });
    }

    private String channel() {
        return redis.key("cache-invalidations");
    }

    private void subscribe() {
        if (stopped) {
            return;
        }
        redis.client().connect().onSuccess(connection -> {
            connection.handler(this::receive);
            connection.exceptionHandler(failure -> lost(failure.toString()));
            connection.endHandler(ignored -> lost("connection closed"));
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel())).onSuccess(ok -> {
                // Whatever happened while not subscribed is unknown: start from an empty cache.
                cache.clear();
                change(State.SUBSCRIBED);
                LOG.infof("Receiving cache invalidations from Redis on %s", channel());
            }).onFailure(failure -> {
                connection.close();
                lost(failure.toString());
            });
        }).onFailure(failure -> lost(failure.toString()));
    }

    private void lost(String why) {
        if (state == State.DISCONNECTED && !stopped) {
            return; // already reconnecting
        }
        if (state != State.CONNECTING) {
            LOG.warnf("Lost Redis (%s): cache invalidations are local only until it is back", why);
        }
        change(State.DISCONNECTED);
        if (!stopped) {
            vertx.setTimer(redis.config().reconnectDelay().toMillis(), id -> {
                change(State.CONNECTING);
                subscribe();
            });
        }
    }

    private void change(State next) {
        if (state != next) {
            state = next;
            since = Instant.now();
        }
    }

    private void receive(Response push) {
        // A pub/sub push: ["message", channel, payload]; the subscription's own confirmations are not messages.
        if (push.size() != 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        try {
            Message message = json.readValue(push.get(2).toString(), Message.class);
            if (!origin.equals(message.origin())) {
                cache.evict(message.invalidation());
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring an unreadable cache invalidation on %s", channel());
        }
    }
}
