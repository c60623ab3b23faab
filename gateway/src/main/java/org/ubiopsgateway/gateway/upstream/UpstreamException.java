package org.ubiopsgateway.gateway.upstream;

/**
 * UbiOps answered with an error. The subclass says what kind, {@link #status()} is upstream's status
 * and {@link #upstreamMessage()} upstream's own message (never the service token).
 */
public abstract sealed class UpstreamException extends RuntimeException
        permits UpstreamException.BadRequest, UpstreamException.AuthenticationFailed, UpstreamException.Forbidden,
        UpstreamException.NotFound, UpstreamException.Conflict, UpstreamException.RateLimited,
        UpstreamException.ClientError, UpstreamException.ServerError {

    private final int status;
    private final String upstreamMessage;

    UpstreamException(int status, String upstreamMessage) {
        super("UbiOps answered " + status + ": " + upstreamMessage, null, false, false);
        this.status = status;
        this.upstreamMessage = upstreamMessage;
    }

    public int status() {
        return status;
    }

    public String upstreamMessage() {
        return upstreamMessage;
    }

    /** The exception for an upstream error answer. */
    public static UpstreamException of(int status, String message, Long rateLimitResetSeconds) {
        return switch (status) {
            case 400 -> new BadRequest(message);
            case 401 -> new AuthenticationFailed(message);
            case 403 -> new Forbidden(message);
            case 404 -> new NotFound(message);
            case 409 -> new Conflict(message);
            case 429 -> new RateLimited(message, rateLimitResetSeconds);
            // A redirect is not for the gateway's caller to follow: like a 5xx, UbiOps did not answer the call.
            default -> status >= 400 && status < 500 ? new ClientError(status, message) : new ServerError(status, message);
        };
    }

    /** 400: upstream rejected the input. */
    public static final class BadRequest extends UpstreamException {
        BadRequest(String message) {
            super(400, message);
        }
    }

    /** 401: the service token was not accepted. */
    public static final class AuthenticationFailed extends UpstreamException {
        AuthenticationFailed(String message) {
            super(401, message);
        }
    }

    /** 403: the service token lacks a permission. */
    public static final class Forbidden extends UpstreamException {
        Forbidden(String message) {
            super(403, message);
        }
    }

    public static final class NotFound extends UpstreamException {
        NotFound(String message) {
            super(404, message);
        }
    }

    public static final class Conflict extends UpstreamException {
        Conflict(String message) {
            super(409, message);
        }
    }

    /** 429: UbiOps's per-minute budget is spent; {@link #resetSeconds()} says when it refills, if known. */
    public static final class RateLimited extends UpstreamException {
        private final Long resetSeconds;

        RateLimited(String message, Long resetSeconds) {
            super(429, message);
            this.resetSeconds = resetSeconds;
        }

        public Long resetSeconds() {
            return resetSeconds;
        }
    }

    /** Any other 4xx. */
    public static final class ClientError extends UpstreamException {
        ClientError(int status, String message) {
            super(status, message);
        }
    }

    /** 5xx, or anything else that is neither a success nor a 4xx (a 3xx, say). */
    public static final class ServerError extends UpstreamException {
        ServerError(int status, String message) {
            super(status, message);
        }
    }
}
