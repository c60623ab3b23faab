package org.ubiopsgateway.gateway.cache;

/**
 * A cached answer: where it is kept, the value, its JSON (serialised once, when stored, and written as is on every hit) and the
 * ETag derived from that JSON, so every replica gives the same answer the same ETag.
 */
record Entry(Region region, String key, Object value, byte[] json, String etag, long storedAtMillis) {

    long ageMillis(long nowMillis) {
        return Math.max(0, nowMillis - storedAtMillis);
    }
}
