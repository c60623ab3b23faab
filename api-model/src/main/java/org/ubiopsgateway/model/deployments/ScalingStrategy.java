package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a version scales up: at once with incoming requests ({@code default}), or more gradually ({@code moderate}, cheaper for short requests). */
public enum ScalingStrategy {
    DEFAULT("default"),
    MODERATE("moderate");

    private final String value;

    ScalingStrategy(String value) {
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
