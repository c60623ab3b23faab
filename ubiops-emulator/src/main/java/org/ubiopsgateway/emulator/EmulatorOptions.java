package org.ubiopsgateway.emulator;

import java.time.Duration;

/**
 * How an emulator starts.
 *
 * @param host           interface to bind; loopback unless told otherwise
 * @param port           port to bind; 0 picks a free one
 * @param token          the one API token accepted (sent as {@code Authorization: Token <token>})
 * @param seed           whether to load the demo organization and project
 * @param rateLimits     whether UbiOps's per-minute rate limits are enforced from the start
 * @param buildQueued    how long a new build stays {@code queued}
 * @param buildBuilding  how long it then stays {@code building} before {@code success}
 */
public record EmulatorOptions(String host, int port, String token, boolean seed, boolean rateLimits,
                              Duration buildQueued, Duration buildBuilding) {

    public static final String DEFAULT_TOKEN = "emulator-token";

    public static EmulatorOptions defaults() {
        return new EmulatorOptions("127.0.0.1", 0, DEFAULT_TOKEN, true, false,
                Duration.ofMillis(300), Duration.ofMillis(700));
    }

    public EmulatorOptions withPort(int port) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, buildQueued, buildBuilding);
    }

    public EmulatorOptions withHost(String host) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, buildQueued, buildBuilding);
    }

    public EmulatorOptions withToken(String token) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, buildQueued, buildBuilding);
    }

    public EmulatorOptions withSeed(boolean seed) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, buildQueued, buildBuilding);
    }

    public EmulatorOptions withRateLimits(boolean rateLimits) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, buildQueued, buildBuilding);
    }

    public EmulatorOptions withBuildTimes(Duration queued, Duration building) {
        return new EmulatorOptions(host, port, token, seed, rateLimits, queued, building);
    }
}
