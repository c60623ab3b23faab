package org.ubiopsgateway.gateway.overview;

import org.ubiopsgateway.model.overview.MissingPart;

/** One part of an overview: its value, or why it is missing. */
record Part<T>(T value, MissingPart missing) {

    static <T> Part<T> of(T value) {
        return new Part<>(value, null);
    }

    static <T> Part<T> missing(String part, String reason) {
        return new Part<>(null, new MissingPart(part, reason));
    }

    boolean present() {
        return missing == null;
    }
}
