package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.packaging.PackagedGateway;
import org.ubiopsgateway.gateway.redis.RedisServer;
import org.ubiopsgateway.gateway.security.TestTokens;
import org.ubiopsgateway.gateway.testing.Eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two packaged gateways (replicas) with a real redis-server between them, both caching every read for ten minutes:
 * a write through one refreshes the other's cached read; without Redis each keeps serving from its own cache, stale
 * for at most the TTL, and readiness says so; when Redis is back, they share invalidations again. Replica A requires
 * Redis (GATEWAY_REDIS_REQUIRED), so its readiness also carries Quarkus's Redis check and fails while Redis is away;
 * B's stays UP.
 */
class CrossReplicaInvalidationIT {

    private static final String DEPLOYMENTS = "/api/v1/projects/demo-project/deployments";
    /** The name quarkus-redis-client gives its readiness check. */
    private static final String QUARKUS_REDIS_CHECK = "Redis connection health check";

    static UbiOpsEmulator emulator;
    static RedisServer redis;
    static PackagedGateway a;
    static PackagedGateway b;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("it-token"));
        redis = RedisServer.start();
        Map<String, String> config = Map.of("quarkus.redis.hosts", redis.url(), "gateway.cache.reads.ttl", "10m",
                "gateway.redis.reconnect-delay", "200ms");
        Map<String, String> required = new HashMap<>(config);
        required.put("gateway.redis.required", "true");
        a = PackagedGateway.start("replica-a", emulator, List.of(), required);
        b = PackagedGateway.start("replica-b", emulator, List.of(), config);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {a, b, redis, emulator}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @BeforeEach
    void bothReplicasShareInvalidations() throws Exception {
        if (!redis.running()) {
            redis.restart();
        }
        awaitRedisState(a, "subscribed");
        awaitRedisState(b, "subscribed");
    }

    @Test
    void aWriteThroughOneReplicaRefreshesTheOthersCachedRead() throws Exception {
        get(b, DEPLOYMENTS);
        HttpResponse<String> cached = get(b, DEPLOYMENTS);
        assertEquals("HIT", cached.headers().firstValue("X-Cache").orElse(null));

        assertEquals(201, create(a, "made-on-a").statusCode());

        // The invalidation reaches B over Redis pub/sub, after A has answered.
        long start = System.nanoTime();
        HttpResponse<String> after = Eventually.await("B sees A's new deployment", () -> {
            try {
                return get(b, DEPLOYMENTS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, read -> names(read).contains("made-on-a"), HttpResponse::body);
        System.out.printf("Replica B read replica A's write %d ms after A answered%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertEquals("MISS", after.headers().firstValue("X-Cache").orElse(null));
    }

    @Test
    void withoutRedisEachReplicaServesItsOwnCacheAndSaysSoUntilRedisIsBack() throws Exception {
        get(a, DEPLOYMENTS);
        get(b, DEPLOYMENTS);
        redis.kill();
        awaitRedisState(b, "disconnected");

        HttpResponse<String> optional = readiness(b);
        assertEquals(200, optional.statusCode(), "the replica keeps serving: " + optional.body());
        JsonNode check = check(json.readTree(optional.body()), "cache-invalidation");
        assertEquals("UP", check.path("status").asText());
        assertEquals("local-only", check.path("data").path("invalidations").asText());
        assertFalse(optional.body().contains(QUARKUS_REDIS_CHECK), "no Redis check where Redis is optional");

        awaitRedisState(a, "disconnected");
        HttpResponse<String> required = readiness(a);
        assertEquals(503, required.statusCode(), "a replica that requires Redis leaves service: " + required.body());
        assertEquals("DOWN", check(json.readTree(required.body()), QUARKUS_REDIS_CHECK).path("status").asText());

        assertEquals(201, create(a, "made-without-redis").statusCode(), "writes do not depend on Redis");
        assertTrue(names(get(a, DEPLOYMENTS)).contains("made-without-redis"), "A reads its own write");
        HttpResponse<String> onB = get(b, DEPLOYMENTS);
        assertEquals("HIT", onB.headers().firstValue("X-Cache").orElse(null));
        assertFalse(names(onB).contains("made-without-redis"), "B's cache is stale, for at most its TTL");

        redis.restart();
        awaitRedisState(b, "subscribed");
        HttpResponse<String> back = get(b, DEPLOYMENTS);
        assertEquals("MISS", back.headers().firstValue("X-Cache").orElse(null),
                "invalidations may have been missed: B emptied its cache on reconnecting");
        assertTrue(names(back).contains("made-without-redis"));
        assertTrue(a.isAlive() && b.isAlive());
    }

    @Test
    void redisIsWatchedByQuarkusItsReadinessCheckWhereRequiredAndItsMetrics() throws Exception {
        HttpResponse<String> required = readiness(a);
        assertEquals(200, required.statusCode(), required.body());
        assertEquals("UP", check(json.readTree(required.body()), QUARKUS_REDIS_CHECK).path("status").asText());

        create(a, "counted-by-redis-metrics"); // a write publishes an invalidation: one Redis command at least
        String metrics = http.send(authorized(a, "/q/metrics").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher commands = Pattern.compile("(?m)^redis_commands_success_total\\{client_name=\"<default>\"} (\\S+)$")
                .matcher(metrics);
        assertTrue(commands.find() && Double.parseDouble(commands.group(1)) >= 1, metrics);
    }

    private HttpResponse<String> readiness(PackagedGateway gateway) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve("/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(PackagedGateway gateway, String path) throws Exception {
        HttpResponse<String> response = http.send(authorized(gateway, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private HttpResponse<String> create(PackagedGateway gateway, String name) throws Exception {
        return http.send(authorized(gateway, DEPLOYMENTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"" + name + "\", \"inputType\": \"plain\", \"outputType\": \"plain\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<String> names(HttpResponse<String> deployments) {
        try {
            return StreamSupport.stream(json.readTree(deployments.body()).spliterator(), false)
                    .map(deployment -> deployment.path("name").asText()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder authorized(PackagedGateway gateway, String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + TestTokens.admin());
    }

    private void awaitRedisState(PackagedGateway gateway, String state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String seen = null;
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(gateway.resolve("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            seen = check(json.readTree(body), "cache-invalidation").path("data").path("redis").asText();
            if (state.equals(seen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Redis state stayed " + seen + ", expected " + state);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no " + name + " check in " + health);
    }
}
