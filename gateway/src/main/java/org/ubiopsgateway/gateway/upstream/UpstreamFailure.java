package org.ubiopsgateway.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What kind of trouble a failed upstream call ran into. One reading serves the error mapping (which 5xx),
 * the cache (whether an expired entry may be served instead) and the overview (why a part is missing).
 */
public enum UpstreamFailure {
    /** UbiOps answered 5xx (or a 3xx it should not have). */
    SERVER_ERROR("upstream-error"),
    /** UbiOps did not answer in time. */
    TIMEOUT("timeout"),
    /** The connection could not be made or broke. */
    UNREACHABLE("unreachable"),
    /** UbiOps's rate limit, or the gateway's own budget of calls to it, is spent. */
    RATE_LIMITED("rate-limited"),
    /** The circuit breaker is open after sustained failures: UbiOps is not called for a while. */
    CIRCUIT_OPEN("circuit-open"),
    /** Too many calls to UbiOps are in flight or queued already. */
    BULKHEAD_FULL("bulkhead-full");

    private final String reason;

    UpstreamFailure(String reason) {
        this.reason = reason;
    }

    /** A short, stable code for callers and logs; never exception text. */
    public String reason() {
        return reason;
    }

    /**
     * The kind of upstream unavailability behind {@code e} (a call the gateway refused to make included), or empty when {@code e} is an answer about the request
     * itself (a 4xx such as 404) or not an upstream failure at all.
     */
    public static Optional<UpstreamFailure> of(Throwable e) {
        if (e instanceof UpstreamException.ServerError) {
            return Optional.of(SERVER_ERROR);
        }
        if (e instanceof UpstreamException.RateLimited) {
            return Optional.of(RATE_LIMITED);
        }
        if (e instanceof UpstreamRefused refused) {
            return Optional.of(refused.kind());
        }
        if (e instanceof UpstreamException) {
            return Optional.empty();
        }
        if (causedBy(e, TimeoutException.class) || hasCauseNamed(e, "Timeout")) {
            return Optional.of(TIMEOUT);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                || causedBy(e, ClosedChannelException.class) || hasCauseNamed(e, "HttpClosedException")
                || causedBy(e, IOException.class) && !causedBy(e, FileSystemException.class)) {
            return Optional.of(UNREACHABLE);
        }
        return Optional.empty();
    }

    public static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    public static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean hasCauseNamed(Throwable e, String fragment) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
