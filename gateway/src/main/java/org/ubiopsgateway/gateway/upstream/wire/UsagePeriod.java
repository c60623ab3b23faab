package org.ubiopsgateway.gateway.upstream.wire;

/** Credits used in one period, {@code startDate} inclusive to {@code endDate} exclusive. */
public record UsagePeriod(Timestamp startDate, Timestamp endDate, Double value) {
}
