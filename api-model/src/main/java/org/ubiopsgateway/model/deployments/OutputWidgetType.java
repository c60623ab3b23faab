package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a portal shows an output field ({@code button} is a download button). */
public enum OutputWidgetType {
    TEXTBOX("textbox"),
    BUTTON("button"),
    IMAGE_PREVIEW("image_preview");

    private final String value;

    OutputWidgetType(String value) {
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
