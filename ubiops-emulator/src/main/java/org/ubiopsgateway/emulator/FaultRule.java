package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One injected behaviour for the calls it matches: a delay, then maybe a dropped connection or an error answer.
 * Build one with {@link #latency}, {@link #error} or {@link #drop} and refine it with the {@code with…} methods.
 *
 * @param method       HTTP method to match (case-insensitive), or null for any
 * @param pathPattern  regular expression the whole request path must match, e.g. {@code /v2.1/projects/[^/]+/deployments}
 * @param minLatencyMs delay before anything else happens; with {@code maxLatencyMs} above it, a random delay in between
 * @param maxLatencyMs upper bound of the random delay (equal to the minimum for a fixed delay)
 * @param errorStatus  status of the injected error answer, {@code {"error": "Injected fault"}}
 * @param errorRate    share of matching calls (0..1) answered with that error
 * @param dropRate     share of matching calls (0..1) whose connection is closed without an answer
 * @param times        how many matching calls the rule applies to before it retires itself; null for no end
 */
public record FaultRule(String method, String pathPattern, long minLatencyMs, long maxLatencyMs, int errorStatus,
                        double errorRate, double dropRate, Integer times) {

    public FaultRule {
        if (pathPattern == null || pathPattern.isEmpty()) {
            throw new IllegalArgumentException("pathPattern is required");
        }
        try {
            Pattern.compile(pathPattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pathPattern is not a regular expression: " + e.getDescription());
        }
        if (minLatencyMs < 0 || maxLatencyMs < minLatencyMs) {
            throw new IllegalArgumentException("latency must satisfy 0 <= min <= max");
        }
        if (errorRate < 0 || errorRate > 1 || dropRate < 0 || dropRate > 1) {
            throw new IllegalArgumentException("rates are between 0 and 1");
        }
        if (errorRate > 0 && (errorStatus < 400 || errorStatus > 599)) {
            throw new IllegalArgumentException("errorStatus must be a 4xx or 5xx status");
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        method = method == null || method.isBlank() ? null : method.toUpperCase(java.util.Locale.ROOT);
    }

    /** A fixed delay on every matching call. */
    public static FaultRule latency(String pathPattern, Duration delay) {
        return new FaultRule(null, pathPattern, delay.toMillis(), delay.toMillis(), 0, 0, 0, null);
    }

    /** Answers {@code status} to the given share of matching calls. */
    public static FaultRule error(String pathPattern, int status, double rate) {
        return new FaultRule(null, pathPattern, 0, 0, status, rate, 0, null);
    }

    /** Closes the connection of the given share of matching calls without answering. */
    public static FaultRule drop(String pathPattern, double rate) {
        return new FaultRule(null, pathPattern, 0, 0, 0, 0, rate, null);
    }

    public FaultRule withMethod(String method) {
        return new FaultRule(method, pathPattern, minLatencyMs, maxLatencyMs, errorStatus, errorRate, dropRate, times);
    }

    /** A random delay between {@code min} and {@code max}. */
    public FaultRule withLatency(Duration min, Duration max) {
        return new FaultRule(method, pathPattern, min.toMillis(), max.toMillis(), errorStatus, errorRate, dropRate, times);
    }

    public FaultRule withTimes(Integer times) {
        return new FaultRule(method, pathPattern, minLatencyMs, maxLatencyMs, errorStatus, errorRate, dropRate, times);
    }

    /** From the control endpoint's JSON: the component names in snake_case; only {@code path_pattern} is required. */
    static FaultRule fromJson(JsonObject json) {
        Number min = json.getNumber("min_latency_ms", 0);
        return new FaultRule(json.getString("method"), json.getString("path_pattern"), min.longValue(),
                json.getNumber("max_latency_ms", min).longValue(), json.getInteger("error_status", 500),
                json.getNumber("error_rate", 0).doubleValue(), json.getNumber("drop_rate", 0).doubleValue(),
                json.getInteger("times"));
    }

    JsonObject toJson() {
        return new JsonObject().put("method", method).put("path_pattern", pathPattern)
                .put("min_latency_ms", minLatencyMs).put("max_latency_ms", maxLatencyMs)
                .put("error_status", errorStatus).put("error_rate", errorRate).put("drop_rate", dropRate)
                .put("times", times);
    }
}
