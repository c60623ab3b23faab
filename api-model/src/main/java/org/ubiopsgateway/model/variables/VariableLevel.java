package org.ubiopsgateway.model.variables;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an environment variable is defined, from least to most specific: a more specific level shadows a less specific one. */
public enum VariableLevel {
    PROJECT("project"),
    DEPLOYMENT("deployment"),
    VERSION("version");

    private final String value;

    VariableLevel(String value) {
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
