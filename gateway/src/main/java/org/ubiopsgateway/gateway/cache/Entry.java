package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A cached answer: where it is kept, the value, its JSON (written as is on every hit) and the ETag derived from that JSON, so every
 * replica gives the same answer the same ETag. The JSON and the ETag are made on first use, not when the value is
 * stored: most values stored on the way to a bigger answer (each deployment's versions in an overview) are never
 * sent as they are, and serialising and hashing them delayed the answer they were part of.
 */
final class Entry {

    private final Region region;
    private final String key;
    private final Object value;
    private final long storedAtMillis;
    private final ObjectMapper mapper;
    /** Made at most a few times when readers race for it, always alike: the JSON of one unchanging value. */
    private volatile Body body;

    Entry(Region region, String key, Object value, long storedAtMillis, ObjectMapper mapper) {
        this.region = region;
        this.key = key;
        this.value = value;
        this.storedAtMillis = storedAtMillis;
        this.mapper = mapper;
    }

    Region region() {
        return region;
    }

    String key() {
        return key;
    }

    Object value() {
        return value;
    }

    long storedAtMillis() {
        return storedAtMillis;
    }

    byte[] json() {
        return body().json();
    }

    String etag() {
        return body().etag();
    }

    long ageMillis(long nowMillis) {
        return Math.max(0, nowMillis - storedAtMillis);
    }

    private Body body() {
        Body made = body;
        if (made == null) {
            try {
                byte[] bytes = mapper.writeValueAsBytes(value);
                made = new Body(bytes, ReadCache.etag(bytes));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot serialise a cached value", e);
            }
            body = made;
        }
        return made;
    }

    private record Body(byte[] json, String etag) {
    }
}
