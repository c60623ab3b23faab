package org.ubiopsgateway.gateway.upstream.wire;

/** A port a version opens: {@code protocol} is {@code tcp} or {@code udp}. */
public record DeploymentVersionPort(Integer publicPort, Integer deploymentPort, String protocol) {
}
