package org.ubiopsgateway.gateway.cache;

/** What the cache did for a request, kept on the request for {@link CacheHeaders} to put into the response. */
record CacheOutcome(CacheStatus status, Entry entry, long ageSeconds) {

    static final String KEY = CacheOutcome.class.getName();
}
