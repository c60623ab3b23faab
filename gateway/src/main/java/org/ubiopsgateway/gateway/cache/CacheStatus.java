package org.ubiopsgateway.gateway.cache;

/** The {@code X-Cache} header's values. */
public enum CacheStatus {
    /** Fresh from the cache: no upstream call. */
    HIT,
    /** Fetched from upstream for this request (or for a concurrent one it joined). */
    MISS,
    /** Upstream failed; this is an expired entry, {@code Age} seconds old. */
    STALE
}
