package org.ubiopsgateway.gateway.ratelimit;

/** One caller's allowance: at most {@code capacity} requests at once, refilled continuously at a fixed rate. */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updated;

    TokenBucket(double capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.updated = now;
    }

    /** Takes a token at {@code now} (nanoseconds): 0 when there was one, else the nanoseconds until there will be. */
    synchronized long take(long now) {
        tokens = Math.min(capacity, tokens + (now - updated) * perNano);
        updated = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }
}
