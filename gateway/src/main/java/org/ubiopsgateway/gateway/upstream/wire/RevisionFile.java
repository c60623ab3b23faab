package org.ubiopsgateway.gateway.upstream.wire;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment package being downloaded (revisions_file_download): its name from {@code Content-Disposition}, its
 * length when upstream gives one, and its bytes as they arrive from upstream, never held whole. {@code content}
 * can be subscribed to once; until then upstream's response waits, paused.
 */
public record RevisionFile(String fileName, Long contentLength, Multi<Buffer> content) {

    private static final Pattern EXTENDED_NAME = Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PLAIN_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    /**
     * The file name in a {@code Content-Disposition} header, or null without one. The RFC 8187 form
     * ({@code filename*=UTF-8''…}, percent-encoded) wins over the plain one, as RFC 6266 says, and is decoded.
     */
    public static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher extended = EXTENDED_NAME.matcher(contentDisposition);
        if (extended.find()) {
            try {
                return URLDecoder.decode(extended.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // fall back to the plain form
            }
        }
        Matcher plain = PLAIN_NAME.matcher(contentDisposition);
        return plain.find() ? plain.group(1).strip() : null;
    }
}
