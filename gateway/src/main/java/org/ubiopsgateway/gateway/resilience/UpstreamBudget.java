package org.ubiopsgateway.gateway.resilience;

import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.redis.RedisBackend;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.UpstreamRefused;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The gateway's budget of calls to UbiOps, per endpoint group, in fixed windows aligned to the clock (so replicas
 * agree on them). Every upstream attempt takes one call from it first; once spent, or once UbiOps said its own
 * budget is spent (a 429, or {@code x-ratelimit-remaining: 0}), calls are refused without reaching UbiOps until the
 * window or UbiOps's {@code x-ratelimit-reset} ends.
 *
 * <p>With Redis, replicas count in one shared key per group and window ({@code INCR}, expiring) and share UbiOps's
 * "spent" signal; every replica also counts locally, and falls back to its local count while Redis fails, so a Redis
 * outage never fails a request.
 */
@ApplicationScoped
public class UpstreamBudget {

    private static final Logger LOG = Logger.getLogger(UpstreamBudget.class);

    /** One round trip: refused while the group is marked spent, else counted; the count key expires on its own. */
    private static final String TAKE = """
            local blocked = redis.call('PTTL', KEYS[2])
            if blocked > 0 then return {-1, blocked} end
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, 0}
            """;

    private final ResilienceConfig.Budget config;
    private final RedisBackend redis;
    private final LongSupplier clock;
    private final Map<EndpointGroup, Local> local = new EnumMap<>(EndpointGroup.class);
    private volatile long redisPausedUntil;

    @Inject
    public UpstreamBudget(ResilienceConfig config, RedisBackend redis) {
        this(config.budget(), redis, System::currentTimeMillis);
    }

    UpstreamBudget(ResilienceConfig.Budget config, RedisBackend redis, LongSupplier clock) {
        this.config = config;
        this.redis = redis;
        this.clock = clock;
        for (EndpointGroup group : EndpointGroup.values()) {
            local.put(group, new Local());
        }
    }

    /** Takes one call from {@code group}'s budget, or fails with {@link UpstreamRefused} (RATE_LIMITED). */
    public Uni<Void> take(EndpointGroup group) {
        return Uni.createFrom().deferred(() -> {
            long now = clock.getAsLong();
            Local counter = local.get(group);
            long blocked = counter.blockedUntil() - now;
            if (blocked > 0) {
                return refuse(group, blocked, "UbiOps's rate limit for the gateway is reached");
            }
            if (!config.enabled()) {
                return Uni.createFrom().voidItem();
            }
            long window = config.window().toMillis();
            long index = now / window;
            long untilNextWindow = (index + 1) * window - now;
            int counted = counter.count(index);
            if (!sharing(now)) {
                return verdict(group, counted, untilNextWindow);
            }
            return redis.send(Command.EVAL, TAKE, "2", countKey(group, index), blockedKey(group),
                            String.valueOf(2 * window))
                    .onItem().transformToUni(answer -> {
                        long first = answer.get(0).toLong();
                        if (first < 0) {
                            long until = answer.get(1).toLong();
                            counter.blockUntil(now + until);
                            return refuse(group, until, "UbiOps's rate limit for the gateway is reached");
                        }
                        return verdict(group, first, untilNextWindow);
                    })
                    .onFailure(e -> !(e instanceof UpstreamRefused)).recoverWithUni(e -> {
                        pauseRedis(now, e);
                        return verdict(group, counted, untilNextWindow);
                    });
        });
    }

    /**
     * Reads UbiOps's answer for {@code group}: after a 429 or {@code x-ratelimit-remaining: 0}, no call goes out until
     * {@code x-ratelimit-reset} seconds have passed (one window when UbiOps does not say).
     */
    public void observe(EndpointGroup group, int status, String remaining, String reset) {
        if (status != 429 && !(remaining != null && remaining.strip().equals("0"))) {
            return;
        }
        long now = clock.getAsLong();
        long millis = resetMillis(reset);
        local.get(group).blockUntil(now + millis);
        if (sharing(now)) {
            redis.send(Command.SET, blockedKey(group), "1", "PX", String.valueOf(millis)).subscribe().with(
                    ok -> { }, e -> pauseRedis(now, e));
        }
    }

    /** Forgets every count and mark kept here (not in Redis), as after a restart. */
    public void reset() {
        local.values().forEach(Local::reset);
        redisPausedUntil = 0;
    }

    private int limit(EndpointGroup group) {
        return switch (group) {
            case GENERAL -> config.general();
            case REQUESTS -> config.requests();
            case FILES -> config.files();
        };
    }

    private Uni<Void> verdict(EndpointGroup group, long counted, long untilNextWindow) {
        return counted <= limit(group) ? Uni.createFrom().voidItem()
                : refuse(group, untilNextWindow, "The gateway's budget of calls to UbiOps is spent for now");
    }

    private static Uni<Void> refuse(EndpointGroup group, long millis, String message) {
        return Uni.createFrom().failure(new UpstreamRefused(UpstreamFailure.RATE_LIMITED, Duration.ofMillis(millis),
                message + " (endpoint group " + group.key() + ")"));
    }

    private boolean sharing(long now) {
        return redis.enabled() && now >= redisPausedUntil;
    }

    private void pauseRedis(long now, Throwable e) {
        if (now >= redisPausedUntil) {
            LOG.warnf("Redis failed (%s): the upstream budget is counted locally for %s", e.toString(), config.redisPause());
        }
        redisPausedUntil = now + config.redisPause().toMillis();
    }

    private long resetMillis(String reset) {
        try {
            return reset == null ? config.window().toMillis()
                    : Math.max(1000, (long) Math.ceil(Double.parseDouble(reset.strip()) * 1000));
        } catch (NumberFormatException e) {
            return config.window().toMillis();
        }
    }

    private String countKey(EndpointGroup group, long window) {
        return redis.key("upstream-budget:" + group.key() + ":" + window);
    }

    private String blockedKey(EndpointGroup group) {
        return redis.key("upstream-budget:" + group.key() + ":spent");
    }

    /** This replica's count in the current window, and until when UbiOps said its budget is spent. */
    private static final class Local {
        private long window = -1;
        private int count;
        private volatile long blockedUntil;

        synchronized int count(long index) {
            if (index != window) {
                window = index;
                count = 0;
            }
            return ++count;
        }

        long blockedUntil() {
            return blockedUntil;
        }

        synchronized void blockUntil(long until) {
            blockedUntil = Math.max(blockedUntil, until);
        }

        synchronized void reset() {
            window = -1;
            count = 0;
            blockedUntil = 0;
        }
    }
}
