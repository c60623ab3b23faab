package org.ubiopsgateway.gateway.upstream.wire;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment package being downloaded (revisions_file_download): its name from {@code Content-Disposition}, its
 * length when upstream gives one, and its bytes as they arrive from upstream, never held whole. {@code content}
 * can be subscribed to once; until then upstream's response waits, paused.
 */
public record RevisionFile(String fileName, Long contentLength, Multi<Buffer> content) {

    private static final Pattern FILE_NAME = Pattern.compile("filename\\*?=\\s*(?:UTF-8'')?\"?([^\";]+)\"?",
            Pattern.CASE_INSENSITIVE);

    /** The file name in a {@code Content-Disposition} header, or null without one. */
    public static String fileName(String contentDisposition) {
        if (contentDisposition == null) {
            return null;
        }
        Matcher m = FILE_NAME.matcher(contentDisposition);
        return m.find() ? m.group(1).strip() : null;
    }
}
