package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** The protocol of a port a version opens. */
public enum Protocol {
    TCP("tcp"),
    UDP("udp");

    private final String value;

    Protocol(String value) {
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
