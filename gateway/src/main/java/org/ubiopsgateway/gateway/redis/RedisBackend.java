package org.ubiopsgateway.gateway.redis;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The Vert.x Redis client when {@code gateway.redis.url} is set (quarkus-redis-client is not available for this
 * Quarkus version). Commands go through a small pool; pub/sub subscribers open their own connection with
 * {@link #client()}{@code .connect()}.
 */
@ApplicationScoped
public class RedisBackend {

    private final RedisConfig config;
    private final Redis client;

    public RedisBackend(RedisConfig config, Vertx vertx) {
        this.config = config;
        this.client = config.url()
                .map(url -> Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                        .setMaxPoolSize(8).setMaxPoolWaiting(256).setMaxWaitingHandlers(1024)))
                .orElse(null);
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

    /** Sends one command, failing after the configured timeout. */
    public Uni<Response> send(Command command, String... args) {
        Request request = Request.cmd(command);
        for (String arg : args) {
            request.arg(arg);
        }
        return Uni.createFrom().completionStage(() -> client().send(request).toCompletionStage())
                .ifNoItem().after(config.timeout()).fail();
    }

    public RedisConfig config() {
        return config;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
