package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/** Order by creation time: oldest first ({@code asc}) or newest first ({@code desc}). */
public enum SortOrder {
    ASC("asc"),
    DESC("desc");

    private final String value;

    SortOrder(String value) {
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
