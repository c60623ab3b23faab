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

    /** The status upstream named, or null for one UbiOps does not document (never a failure). */
    public static BuildStatus of(String value) {
        for (BuildStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
