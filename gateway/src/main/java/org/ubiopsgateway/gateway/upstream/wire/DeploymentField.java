package org.ubiopsgateway.gateway.upstream.wire;

/** An input or output field of a deployment: a name, a data type ({@code int}, {@code string}, …) and a widget. */
public record DeploymentField(String name, String dataType, DeploymentFieldWidget widget) {

    public static DeploymentField of(String name, String dataType) {
        return new DeploymentField(name, dataType, null);
    }
}
