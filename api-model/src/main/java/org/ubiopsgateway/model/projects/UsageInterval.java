package org.ubiopsgateway.model.projects;

import com.fasterxml.jackson.annotation.JsonValue;

/** The length of the periods credit usage is reported in. */
public enum UsageInterval {
    DAY("day"),
    MONTH("month");

    private final String value;

    UsageInterval(String value) {
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
