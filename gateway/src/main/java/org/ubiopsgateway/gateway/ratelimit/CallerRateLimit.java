package org.ubiopsgateway.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubiopsgateway.gateway.error.ProblemKind;
import org.ubiopsgateway.gateway.error.Problems;
import org.ubiopsgateway.gateway.security.AccessFilter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Caller rate limiting: a token bucket per JWT subject; a caller over its rate gets 429 problem+json with
 * {@code Retry-After}, counted as {@code gateway.rate.limited{scope=caller}}. It runs right after the gate
 * ({@link AccessFilter}) on the requests the gate let through, keyed by the verified subject, so a forged token
 * cannot spend another caller's allowance. Requests the gate refuses (no or an invalid token, a forbidden or
 * unknown route) are not counted: they never reach UbiOps, and what they cost (a signature check) is spent before
 * any limit could be applied. Paths outside {@code /api/v1} (health, metrics, OpenAPI) are never limited.
 * Buckets live in each replica; the upstream budget is what replicas share.
 */
public class CallerRateLimit {

    private final CallerRateLimitConfig config;
    private final Cache<String, TokenBucket> buckets;
    private final Counter limited;
    private final String detail;

    public CallerRateLimit(CallerRateLimitConfig config, MeterRegistry registry) {
        this.config = config;
        // A bucket left alone until it is full again is the same as a new one: forgetting it then loses nothing.
        Duration refill = Duration.ofNanos((long) Math.ceil(config.burst() / config.requestsPerSecond() * 1e9));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(refill).maximumSize(config.maxCallers())
                .executor(Runnable::run).build();
        this.limited = Counter.builder("gateway.rate.limited").tag("scope", "caller")
                .description("Requests refused because their caller exceeded its rate").register(registry);
        this.detail = "Too many requests from this caller: at most "
                + BigDecimal.valueOf(config.requestsPerSecond()).stripTrailingZeros().toPlainString() + " a second, "
                + config.burst() + " at once; retry after the time given in Retry-After";
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 1)
    public Response limit(ContainerRequestContext request) {
        String subject = AccessFilter.subject(request);
        if (!config.enabled() || subject == null) {
            return null;
        }
        long wait = take(subject);
        if (wait == 0) {
            return null;
        }
        limited.increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + TimeUnit.SECONDS.toNanos(1) - 1));
        return Problems.builder(ProblemKind.RATE_LIMITED, 429, detail, null)
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** Whether {@code subject} may make one more request now; if so, the request is counted. */
    public boolean admits(String subject) {
        return !config.enabled() || take(subject) == 0;
    }

    private long take(String subject) {
        long now = System.nanoTime();
        return buckets.get(subject, s -> new TokenBucket(config.burst(), config.requestsPerSecond(), now)).take(now);
    }
}
