package org.ubiopsgateway.gateway.upstream;

/** The UbiOps service token as it goes on the wire: always {@code Token <key>}, never doubled. */
public final class UpstreamToken {

    private static final String PREFIX = "Token ";

    private UpstreamToken() {
    }

    /** {@code Token abc} from {@code abc} or {@code Token abc}; the SDK rejects {@code Token Token abc}, so do we. */
    public static String authorizationHeader(String configured) {
        String token = configured.strip();
        if (token.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            token = token.substring(PREFIX.length()).strip();
        }
        if (token.isEmpty() || token.contains(" ")) {
            throw new IllegalArgumentException("UBIOPS_API_TOKEN must be a single token, optionally prefixed with 'Token '");
        }
        return PREFIX + token;
    }
}
