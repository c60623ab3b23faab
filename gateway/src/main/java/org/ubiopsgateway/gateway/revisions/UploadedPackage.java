package org.ubiopsgateway.gateway.revisions;

import java.nio.file.Path;

/**
 * A deployment package a caller uploaded, as Quarkus spooled it to disk.
 *
 * @param file     where Quarkus wrote it (a generated name; Quarkus deletes it when the request ends)
 * @param fileName the name the caller gave it, or null
 */
public record UploadedPackage(Path file, String fileName) {

    /** The name UbiOps stores a package under when the caller gave none usable. */
    static final String DEFAULT_NAME = "deployment.zip";
    private static final int MAX_NAME = 200;

    /**
     * The caller's file name reduced to one safe path segment: it becomes a file name on the gateway's disk and,
     * later, upstream's {@code Content-Disposition}.
     */
    String safeName() {
        if (fileName == null) {
            return DEFAULT_NAME;
        }
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(safe.length() - MAX_NAME);
        }
        return safe.isBlank() || safe.chars().allMatch(c -> c == '.') ? DEFAULT_NAME : safe;
    }
}
