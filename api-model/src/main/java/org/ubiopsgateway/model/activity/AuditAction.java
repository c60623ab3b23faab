package org.ubiopsgateway.model.activity;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an audit event records; {@code info} is anything that is not a create, update or delete. */
public enum AuditAction {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete"),
    INFO("info");

    private final String value;

    AuditAction(String value) {
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
