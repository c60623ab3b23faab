package org.ubiopsgateway.gateway.upstream;

import java.time.Duration;

/**
 * The gateway did not call UbiOps: the circuit for the call's endpoint group is open, too many calls are in flight,
 * or the upstream rate-limit budget is spent. {@link #kind()} says which, {@link #retryAfter()} when asking again
 * makes sense. Answered 503 with {@code Retry-After}; a cached answer is served instead where there is one.
 */
public final class UpstreamRefused extends RuntimeException {

    private final UpstreamFailure kind;
    private final Duration retryAfter;

    public UpstreamRefused(UpstreamFailure kind, Duration retryAfter, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public UpstreamFailure kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for a {@code Retry-After} header: rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
