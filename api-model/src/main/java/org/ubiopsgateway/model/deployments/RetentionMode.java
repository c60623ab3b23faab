package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** What UbiOps keeps of a version's requests: nothing, their metadata, or metadata with input and output. */
public enum RetentionMode {
    NONE("none"),
    METADATA("metadata"),
    FULL("full");

    private final String value;

    RetentionMode(String value) {
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
