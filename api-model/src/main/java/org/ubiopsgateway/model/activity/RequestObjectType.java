package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a request was made to. */
public enum RequestObjectType {
    DEPLOYMENT("deployment"),
    PIPELINE("pipeline");

    private final String value;

    RequestObjectType(String value) {
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
