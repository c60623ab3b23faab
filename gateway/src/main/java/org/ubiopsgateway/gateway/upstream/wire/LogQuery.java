package org.ubiopsgateway.gateway.upstream.wire;

/**
 * The body of projects_log_list. Either {@code date} or {@code id} names the starting point (none: now);
 * {@code dateRange} in seconds, negative towards the past (default -21600, at most ±86400); {@code limit} at most 500.
 */
public record LogQuery(LogFilters filters, Timestamp date, String id, Integer limit, Integer dateRange) {
}
