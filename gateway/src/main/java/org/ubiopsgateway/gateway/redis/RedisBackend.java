package org.ubiopsgateway.gateway.redis;

import io.quarkus.arc.InjectableInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * The Redis client of quarkus-redis-client (configured by {@code quarkus.redis.*}, with its metrics), when
 * {@code quarkus.redis.hosts} is set; without it Quarkus deactivates the client and the gateway runs alone.
 * Commands go through the client's pool; pub/sub subscribers open their own connection with
 * {@link #client()}{@code .connect()}.
 */
@ApplicationScoped
public class RedisBackend {

    private final RedisConfig config;
    private final Duration timeout;
    private final Redis client;

    @Inject
    public RedisBackend(RedisConfig config, @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout,
            InjectableInstance<Redis> redis) {
        this(config, timeout, redis.listActive().stream().findFirst().orElse(null));
    }

    /** With {@code client} null, Redis is off. */
    public RedisBackend(RedisConfig config, Duration timeout, Redis client) {
        this.config = config;
        this.timeout = timeout;
        this.client = client;
    }

    public boolean enabled() {
        return client != null;
    }

    /** The client; only when {@link #enabled()}. */
    public Redis client() {
        return Optional.ofNullable(client).orElseThrow(() -> new IllegalStateException("Redis is not configured"));
    }

    /** A namespaced key or channel name: {@code <namespace>:<name>}. */
    public String key(String name) {
        return config.namespace() + ":" + name;
    }

    /** Sends one command, failing after {@code quarkus.redis.timeout}. */
    public Uni<Response> send(Command command, String... args) {
        Request request = Request.cmd(command);
        for (String arg : args) {
            request.arg(arg);
        }
        return Uni.createFrom().completionStage(() -> client().send(request).toCompletionStage())
                .ifNoItem().after(timeout).fail();
    }

    public RedisConfig config() {
        return config;
    }
}
