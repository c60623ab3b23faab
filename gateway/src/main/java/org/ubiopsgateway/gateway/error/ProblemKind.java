package org.ubiopsgateway.gateway.error;

/** The kinds of problem the gateway answers with; each has a stable type URI and title. */
public enum ProblemKind {
    VALIDATION("validation", "Invalid request"),
    MALFORMED_BODY("malformed-body", "Malformed request body"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    BAD_REQUEST("bad-request", "Bad request"),
    UNAUTHENTICATED("unauthenticated", "Authentication required"),
    FORBIDDEN("forbidden", "Forbidden"),
    UPSTREAM_REJECTED("upstream-rejected", "Rejected by UbiOps"),
    UPSTREAM_CONFLICT("upstream-conflict", "Conflict"),
    UPSTREAM_CREDENTIALS("upstream-credentials", "UbiOps refused the gateway's credentials"),
    UPSTREAM_FAILED("upstream-failed", "UbiOps failed"),
    UPSTREAM_UNREACHABLE("upstream-unreachable", "UbiOps unreachable"),
    UPSTREAM_TIMEOUT("upstream-timeout", "UbiOps did not answer in time"),
    UPSTREAM_RATE_LIMITED("upstream-rate-limited", "UbiOps rate limit reached"),
    UPSTREAM_CIRCUIT_OPEN("upstream-circuit-open", "UbiOps failing: calls paused"),
    UPSTREAM_BUSY("upstream-busy", "Too many calls to UbiOps in flight"),
    INTERNAL("internal", "Internal error");

    private static final String TYPE_PREFIX = "urn:ubiops-gateway:problem:";

    private final String type;
    private final String title;

    ProblemKind(String slug, String title) {
        this.type = TYPE_PREFIX + slug;
        this.title = title;
    }

    /** The kind a bare status stands for, when nothing more is known about a refusal. */
    public static ProblemKind of(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
