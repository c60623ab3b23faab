package org.ubiopsgateway.gateway.resilience;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.redis.RedisBackend;
import org.ubiopsgateway.gateway.redis.RedisConfig;
import org.ubiopsgateway.gateway.redis.RedisServer;
import org.ubiopsgateway.gateway.testing.Eventually;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.UpstreamRefused;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The upstream budget on its own, on a clock the test moves: 3 calls a minute per group; alone, and as two replicas
 * sharing a real redis-server.
 */
class UpstreamBudgetTest {

    private static final long MINUTE = 60_000;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Vertx vertx;
    private static RedisServer redis;

    /** One second into a window. */
    private final AtomicLong clock = new AtomicLong(28_000_000 * MINUTE + 1_000);

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
        vertx.close();
    }

    @Test
    void aSpentBudgetRefusesUntilTheWindowEnds() {
        UpstreamBudget budget = budget(null, "unused");

        List<String> taken = takes(budget, EndpointGroup.GENERAL, 4);
        UpstreamRefused refused = refusal(budget, EndpointGroup.GENERAL);

        System.out.printf("[budget] alone, 3/min: %s; then refused for %s%n", taken, refused.retryAfter());
        assertEquals(List.of("ok", "ok", "ok", "refused"), taken);
        assertEquals(UpstreamFailure.RATE_LIMITED, refused.kind());
        assertEquals(59, refused.retryAfterSeconds(), "until the window ends");
        assertEquals("ok", take(budget, EndpointGroup.REQUESTS), "each group has its own budget");
        clock.addAndGet(59_000);
        assertEquals("ok", take(budget, EndpointGroup.GENERAL), "a new window, a new budget");
    }

    @Test
    void upstreamSayingItsBudgetIsSpentStopsCallsUntilItsReset() {
        UpstreamBudget budget = budget(null, "unused");

        budget.observe(EndpointGroup.GENERAL, 200, "0", "12");
        assertEquals(12, refusal(budget, EndpointGroup.GENERAL).retryAfterSeconds());
        clock.addAndGet(12_000);
        assertEquals("ok", take(budget, EndpointGroup.GENERAL));

        budget.observe(EndpointGroup.FILES, 429, null, null);
        assertEquals(60, refusal(budget, EndpointGroup.FILES).retryAfterSeconds(), "a 429 without reset: a window");
        budget.observe(EndpointGroup.REQUESTS, 200, "5", "12");
        assertEquals("ok", take(budget, EndpointGroup.REQUESTS), "budget left upstream: nothing to hold back");
    }

    @Test
    void replicasShareOneBudgetThroughRedis() {
        String namespace = "test-" + UUID.randomUUID();
        UpstreamBudget one = budget(redis.url(), namespace);
        UpstreamBudget two = budget(redis.url(), namespace);

        List<String> taken = new ArrayList<>();
        taken.addAll(takes(one, EndpointGroup.GENERAL, 2));
        taken.addAll(takes(two, EndpointGroup.GENERAL, 2));
        taken.addAll(takes(one, EndpointGroup.GENERAL, 1));
        System.out.printf("[budget] two replicas, one Redis, 3/min: one, one, two, two, one: %s%n", taken);
        assertEquals(List.of("ok", "ok", "ok", "refused", "refused"), taken);

        two.observe(EndpointGroup.FILES, 429, null, "30");
        // observe() sends the mark to Redis and does not wait (the answer that carried the 429 goes on): until it is
        // there, one counts its calls as usual, and once its own budget is spent it is refused for the window instead.
        UpstreamRefused seen = Eventually.await("one refused once two saw UbiOps's 429",
                () -> refusedOrNull(one, EndpointGroup.FILES), Objects::nonNull);
        assertEquals(30, seen.retryAfterSeconds(), "UbiOps's 429 seen by the other");
    }

    @Test
    void aRedisOutageFallsBackToTheLocalBudgetAndSharingResumesAfterIt() throws Exception {
        String namespace = "test-" + UUID.randomUUID();
        UpstreamBudget one = budget(redis.url(), namespace);
        UpstreamBudget two = budget(redis.url(), namespace);
        assertEquals(List.of("ok", "ok"), takes(two, EndpointGroup.GENERAL, 2));

        redis.kill();
        List<String> duringOutage;
        try {
            duringOutage = takes(one, EndpointGroup.GENERAL, 4);
        } finally {
            redis.restart();
        }
        // Redis is back (empty): after the pause, the replicas count together again.
        clock.addAndGet(Duration.ofSeconds(6).toMillis());
        List<String> after = new ArrayList<>();
        after.addAll(takes(two, EndpointGroup.GENERAL, 2));
        after.addAll(takes(one, EndpointGroup.GENERAL, 2));

        System.out.printf("[budget] Redis killed: replica one alone took %s; Redis back: two, two, one, one: %s%n",
                duringOutage, after);
        assertEquals(List.of("ok", "ok", "ok", "refused"), duringOutage, "its own 3 calls, no failure for Redis");
        assertEquals(List.of("ok", "ok", "ok", "refused"), after, "one's local count is left aside once Redis is back");
    }

    private UpstreamBudget budget(String redisUrl, String namespace) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ResilienceConfig.class).withMapping(RedisConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter()) // Quarkus's "5s", "1m"
                .withDefaultValues(Map.of("gateway.upstream.budget.general", "3",
                        "gateway.upstream.budget.requests", "3", "gateway.upstream.budget.files", "3",
                        "gateway.redis.namespace", namespace, "gateway.redis.required", "false"))
                .build();
        // As quarkus-redis-client makes it from quarkus.redis.hosts; a first connection on a busy machine may take
        // longer than the gateway's 1s command timeout.
        Redis client = redisUrl == null ? null : Redis.createClient(vertx, redisUrl);
        RedisBackend backend = new RedisBackend(config.getConfigMapping(RedisConfig.class), Duration.ofSeconds(5), client);
        return new UpstreamBudget(config.getConfigMapping(ResilienceConfig.class).budget(), backend, clock::get);
    }

    private static List<String> takes(UpstreamBudget budget, EndpointGroup group, int times) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            outcomes.add(take(budget, group));
        }
        return outcomes;
    }

    private static String take(UpstreamBudget budget, EndpointGroup group) {
        return refusedOrNull(budget, group) == null ? "ok" : "refused";
    }

    private static UpstreamRefused refusedOrNull(UpstreamBudget budget, EndpointGroup group) {
        try {
            assertNull(budget.take(group).await().atMost(WAIT));
            return null;
        } catch (UpstreamRefused e) {
            return e;
        }
    }

    private static UpstreamRefused refusal(UpstreamBudget budget, EndpointGroup group) {
        return assertThrows(UpstreamRefused.class, () -> budget.take(group).await().atMost(WAIT));
    }
}
