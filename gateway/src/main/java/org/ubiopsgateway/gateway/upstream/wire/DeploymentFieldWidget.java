package org.ubiopsgateway.gateway.upstream.wire;

import java.util.Map;

/** How a portal shows a deployment field ({@code slider}, {@code textbox}, …); upstream answers {@code {}} for none. */
public record DeploymentFieldWidget(String type, Map<String, Object> configuration) {
}
