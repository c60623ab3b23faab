package org.ubiopsgateway.gateway.upstream.wire;

/** The body of creating or updating an environment variable, at any level. */
public record EnvironmentVariableCreate(String name, String value, Boolean secret) {
}
