package org.ubiopsgateway.gateway.upstream.wire;

/** A project quota (quotas_list): how much of {@code resource} the project may use. */
public record QuotaDetail(String resource, Long quota) {
}
