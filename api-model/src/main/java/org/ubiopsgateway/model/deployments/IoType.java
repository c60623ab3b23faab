package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a deployment takes its input or gives its output: named fields ({@code structured}) or one blob ({@code plain}). */
public enum IoType {
    STRUCTURED("structured"),
    PLAIN("plain");

    private final String value;

    IoType(String value) {
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
