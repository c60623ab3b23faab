package org.ubiopsgateway.gateway.resilience;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How the gateway protects itself and UbiOps on every upstream call ({@code GATEWAY_UPSTREAM_*}; docs/operations.md's
 * "Resilience" section has the table).
 */
@ConfigMapping(prefix = "gateway.upstream")
public interface ResilienceConfig {

    /** Longest wait for one upstream call, each retry on its own (GATEWAY_UPSTREAM_TIMEOUT). */
    @WithDefault("10s")
    Duration timeout();

    /** Longest wait for a package upload, which streams up to 512M (GATEWAY_UPSTREAM_UPLOAD_TIMEOUT). */
    @WithDefault("10m")
    Duration uploadTimeout();

    Retry retry();

    Circuit circuit();

    Bulkhead bulkhead();

    Budget budget();

    Readiness readiness();

    /** Retries of idempotent calls that failed for want of UbiOps (5xx, timeout, no connection). */
    interface Retry {
        /** Retries after the first attempt; 0 turns retries off (GATEWAY_UPSTREAM_RETRY_MAX_RETRIES). */
        @WithDefault("2")
        int maxRetries();

        /** Pause before the first retry, doubled before each next one (GATEWAY_UPSTREAM_RETRY_DELAY). */
        @WithDefault("200ms")
        Duration delay();

        /** Longest pause between two attempts (GATEWAY_UPSTREAM_RETRY_MAX_DELAY). */
        @WithDefault("2s")
        Duration maxDelay();

        /** Random spread added to or taken from each pause, so replicas do not retry in step (GATEWAY_UPSTREAM_RETRY_JITTER). */
        @WithDefault("100ms")
        Duration jitter();

        /** No retry starts later than this after the first attempt (GATEWAY_UPSTREAM_RETRY_MAX_DURATION). */
        @WithDefault("15s")
        Duration maxDuration();
    }

    /** One circuit breaker per UbiOps endpoint group. */
    interface Circuit {
        /** Calls in the rolling window the failure ratio is taken over (GATEWAY_UPSTREAM_CIRCUIT_REQUEST_VOLUME). */
        @WithDefault("20")
        int requestVolume();

        /** Share of failed calls in the window that opens the circuit (GATEWAY_UPSTREAM_CIRCUIT_FAILURE_RATIO). */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open circuit refuses calls before it lets trial calls through (GATEWAY_UPSTREAM_CIRCUIT_DELAY). */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close it again (GATEWAY_UPSTREAM_CIRCUIT_SUCCESS_THRESHOLD). */
        @WithDefault("2")
        int successThreshold();
    }

    /** Calls to UbiOps in flight at once, per endpoint group. */
    interface Bulkhead {
        /**
         * Calls in flight (GATEWAY_UPSTREAM_BULKHEAD_MAX_CONCURRENT): room for one overview of 50 deployments in
         * one round (its versions calls, with the first round's).
         */
        @WithDefault("64")
        int maxConcurrent();

        /** Calls waiting for a free place; beyond, 503 at once (GATEWAY_UPSTREAM_BULKHEAD_QUEUE). */
        @WithDefault("128")
        int queue();
    }

    /**
     * The gateway's own budget of calls to UbiOps per endpoint group and window: UbiOps allows each source IP about
     * 300 calls a minute per group, shared by every caller of the gateway (and by every replica, through Redis when
     * {@code QUARKUS_REDIS_HOSTS} is set).
     */
    interface Budget {
        /** Off: only UbiOps's own 429s and rate-limit headers hold the gateway back (GATEWAY_UPSTREAM_BUDGET_ENABLED). */
        @WithDefault("true")
        boolean enabled();

        /** The budget's window, fixed and aligned to the clock (GATEWAY_UPSTREAM_BUDGET_WINDOW). */
        @WithDefault("1m")
        Duration window();

        /** Calls per window to the {@code general} group: everything not below (GATEWAY_UPSTREAM_BUDGET_GENERAL). */
        @WithDefault("270")
        int general();

        /** Calls per window to the {@code requests} group: the requests list (GATEWAY_UPSTREAM_BUDGET_REQUESTS). */
        @WithDefault("270")
        int requests();

        /** Calls per window to the {@code files} group: package upload and download (GATEWAY_UPSTREAM_BUDGET_FILES). */
        @WithDefault("270")
        int files();

        /** After Redis failed, count locally for this long before asking Redis again (GATEWAY_UPSTREAM_BUDGET_REDIS_PAUSE). */
        @WithDefault("5s")
        Duration redisPause();
    }

    /** The readiness check's view of UbiOps. */
    interface Readiness {
        /** A probe's result is reused this long, so health checks cost UbiOps little (GATEWAY_UPSTREAM_READINESS_INTERVAL). */
        @WithDefault("5s")
        Duration interval();

        /** Consecutive failed probes before a ready gateway reports DOWN (GATEWAY_UPSTREAM_READINESS_DOWN_AFTER). */
        @WithDefault("3")
        int downAfter();

        /** Consecutive good probes before a gateway that was DOWN reports UP (GATEWAY_UPSTREAM_READINESS_UP_AFTER). */
        @WithDefault("2")
        int upAfter();

        /** Longest wait for one probe, retries included (GATEWAY_UPSTREAM_READINESS_TIMEOUT). */
        @WithDefault("3s")
        Duration timeout();
    }
}
