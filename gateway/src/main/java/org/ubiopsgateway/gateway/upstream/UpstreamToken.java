package org.ubiopsgateway.gateway.upstream;

/** The UbiOps service token as it goes on the wire: always {@code Token <key>}, never doubled. */
public final class UpstreamToken {

    private static final String PREFIX = "Token ";

    private UpstreamToken() {
    }

    /** {@code Token abc} from {@code abc} or {@code Token abc}; the SDK rejects {@code Token Token abc}, so do we. */
    public static String authorizationHeader(String configured) {
        if (configured == null) {
            throw new IllegalArgumentException("UBIOPS_API_TOKEN is not set");
        }
        String[] words = configured.strip().split("\\s+");
        int first = words[0].equalsIgnoreCase(PREFIX.strip()) ? 1 : 0;
        if (words.length - first != 1 || words[first].isEmpty() || words[first].equalsIgnoreCase(PREFIX.strip())) {
            throw new IllegalArgumentException("UBIOPS_API_TOKEN must be a single token, optionally prefixed with 'Token '");
        }
        return PREFIX + words[first];
    }
}
