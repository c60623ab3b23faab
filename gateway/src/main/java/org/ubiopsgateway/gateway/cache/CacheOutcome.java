package org.ubiopsgateway.gateway.cache;

/**
 * What the cache did for a request, kept on the request for {@link CacheHeaders} to put into the response;
 * {@code single} while the request has made one read only.
 */
record CacheOutcome(CacheStatus status, Entry entry, long ageSeconds, boolean single) {

    static final String KEY = CacheOutcome.class.getName();

    /** This outcome followed by {@code later}: the later entry, the worse status (HIT, MISS, STALE), the greater age. */
    CacheOutcome and(CacheOutcome later) {
        return new CacheOutcome(status.compareTo(later.status) > 0 ? status : later.status, later.entry,
                Math.max(ageSeconds, later.ageSeconds), false);
    }
}
