package org.ubiopsgateway.gateway.upstream.wire;

/**
 * An environment variable at project, deployment or version level. {@code value} is null for secrets;
 * {@code inheritanceType}/{@code inheritanceName} say where an inherited one is defined (deployment and
 * version level only; null otherwise).
 */
public record EnvironmentVariable(String id, String name, String value, Boolean secret,
                                  String inheritanceType, String inheritanceName) {
}
