package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a deployment or pipeline request is in its life. */
public enum RequestStatus {
    PENDING("pending"),
    PROCESSING("processing"),
    FAILED("failed"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    CANCELLED_PENDING("cancelled_pending");

    private final String value;

    RequestStatus(String value) {
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
