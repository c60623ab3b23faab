package org.ubiopsgateway.gateway.revisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Deployment packages on disk for the tests against the packaged gateway: made, sent as multipart, checked. */
public final class PackageFiles {

    static final String BOUNDARY = "package-files-boundary";
    public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    private PackageFiles() {
    }

    /** Writes {@code size} pseudo-random bytes to disk a megabyte at a time; answers their SHA-256. */
    public static String write(Path file, long size) throws Exception {
        return write(file, size, 7);
    }

    /** The same, with the bytes of another seed: packages that differ. */
    public static String write(Path file, long size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, size - written);
                out.write(chunk, 0, n);
                sha.update(chunk, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    public static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1024 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A multipart body with the package as its {@code file} part, read from disk as it is sent. */
    public static HttpRequest.BodyPublisher multipart(Path file) throws IOException {
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"big-model.zip\"\r\nContent-Type: application/zip\r\n\r\n", StandardCharsets.US_ASCII),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + BOUNDARY + "--\r\n", StandardCharsets.US_ASCII));
    }
}
