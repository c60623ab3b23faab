package org.ubiopsgateway.gateway.upstream.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment package being downloaded (revisions_file_download): its name from {@code Content-Disposition}
 * and its bytes as a stream still coming from upstream, never held whole. Read it off the event loop, and close it.
 */
public record RevisionFile(String fileName, Long contentLength, InputStream content) implements AutoCloseable {

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

    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
