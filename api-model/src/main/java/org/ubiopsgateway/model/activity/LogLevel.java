package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/** The level of a log line. */
public enum LogLevel {
    INFO("info"),
    ERROR("error");

    private final String value;

    LogLevel(String value) {
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
