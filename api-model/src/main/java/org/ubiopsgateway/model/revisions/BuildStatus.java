package org.ubiopsgateway.model.revisions;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a build stands; a revision's status is its newest build's. */
public enum BuildStatus {
    QUEUED("queued"),
    BUILDING("building"),
    VALIDATING("validating"),
    SUCCESS("success"),
    FAILED("failed");

    private final String value;

    BuildStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
