package org.ubiopsgateway.gateway.upstream.wire;

/** The body of the copy operations: a deployment's variables, or (with {@code sourceVersion}) one of its versions'. */
public record EnvironmentVariableCopy(String sourceDeployment, String sourceVersion) {
}
