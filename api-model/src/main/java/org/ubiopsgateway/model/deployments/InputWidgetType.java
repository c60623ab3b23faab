package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a portal lets a user fill in an input field. */
public enum InputWidgetType {
    TEXTBOX("textbox"),
    NUMBERBOX("numberbox"),
    SLIDER("slider"),
    DROPDOWN("dropdown"),
    SWITCH("switch"),
    BUTTON("button"),
    DRAWER("drawer"),
    IMAGE_PREVIEW("image_preview");

    private final String value;

    InputWidgetType(String value) {
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
