package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** The data type of a deployment's input or output field. */
public enum DataType {
    INT("int"),
    STRING("string"),
    DOUBLE("double"),
    BOOL("bool"),
    DICT("dict"),
    FILE("file"),
    ARRAY_INT("array_int"),
    ARRAY_DOUBLE("array_double"),
    ARRAY_STRING("array_string"),
    ARRAY_FILE("array_file");

    private final String value;

    DataType(String value) {
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
