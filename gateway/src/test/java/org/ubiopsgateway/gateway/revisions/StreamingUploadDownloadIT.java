package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.gateway.security.TestTokens;
import org.ubiopsgateway.gateway.packaging.PackagedGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hard streaming requirement, against the packaged gateway: a 200 MB deployment package goes up and comes back
 * down unchanged through a gateway whose heap is capped at 128 MB, and a body just over the configured upload limit
 * is refused with 413 problem+json. The gateway runs as its own process ({@code -Xmx128m}), the emulator in this
 * JVM; the package lives on disk only, on both sides.
 */
class StreamingUploadDownloadIT {

    static final long PACKAGE_SIZE = 200L * 1024 * 1024;
    /** 201 MiB: room for the 200 MiB package and its multipart framing, and no more. */
    static final long UPLOAD_LIMIT = 201L * 1024 * 1024;
    static final String HEAP = "-Xmx128m";
    static final String BOUNDARY = "streaming-it-boundary";
    static final String VERSION = "/api/v1/projects/demo-project/deployments/text-summarizer/versions/v1";

    static UbiOpsEmulator emulator;
    static PackagedGateway gateway;
    static Path workDirectory;
    static URI base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("it-token"));
        workDirectory = Files.createTempDirectory("streaming-it");
        gateway = PackagedGateway.start("streaming-it-gateway", emulator, List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"),
                Map.of("gateway.limits.upload", String.valueOf(UPLOAD_LIMIT),
                        "quarkus.http.body.uploads-directory", workDirectory.resolve("gateway-uploads").toString()));
        base = gateway.base();
    }

    /** Every /api/v1 call carries a token the packaged gateway trusts (it verifies with the tests' key). */
    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestTokens.admin());
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (workDirectory != null) {
            try (var files = Files.walk(workDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Writes {@code size} pseudo-random bytes to disk a megabyte at a time; answers their SHA-256. */
    static String writePackage(Path file, long size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
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

    static String sha256(Path file) throws Exception {
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
    static HttpRequest.BodyPublisher multipart(Path file) throws IOException {
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"big-model.zip\"\r\nContent-Type: application/zip\r\n\r\n", StandardCharsets.US_ASCII),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + BOUNDARY + "--\r\n", StandardCharsets.US_ASCII));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMegabytePackageGoesUpAndComesBackUnchangedThroughA128MegabyteHeap() throws Exception {
        Path original = workDirectory.resolve("big-model.zip");
        String originalSha = writePackage(original, PACKAGE_SIZE);

        HttpResponse<String> created = http.send(authorized(base.resolve(VERSION + "/revisions"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .timeout(Duration.ofSeconds(60))
                .POST(multipart(original)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode revision = json.readTree(created.body());
        String id = revision.get("id").asText();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith(VERSION + "/revisions/" + id));

        assertEquals("success", awaitBuild(revision.get("buildId").asText()));

        Path downloaded = workDirectory.resolve("downloaded.zip");
        HttpResponse<Path> download = http.send(authorized(base.resolve(VERSION + "/revisions/" + id + "/file"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofFile(downloaded));
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"big-model.zip\""));
        assertEquals(String.valueOf(PACKAGE_SIZE), download.headers().firstValue("Content-Length").orElse(""));
        assertEquals(PACKAGE_SIZE, Files.size(downloaded));
        assertEquals(originalSha, sha256(downloaded));

        assertTrue(gateway.isAlive(), "the gateway survived");
        assertFalse(gateway.log().contains("OutOfMemoryError"));
        try (var left = Files.list(workDirectory.resolve("gateway-uploads"))) {
            assertEquals(List.of(), left.toList(), "the gateway keeps no uploaded package");
        }
    }

    private String awaitBuild(String buildId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String status;
        do {
            Thread.sleep(200);
            HttpResponse<String> build = http.send(authorized(base.resolve(VERSION + "/builds/" + buildId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, build.statusCode(), build.body());
            status = json.readTree(build.body()).get("status").asText();
        } while (!status.equals("success") && !status.equals("failed") && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void uploadJustOverTheConfiguredLimitIsRefusedWithAProblem() throws Exception {
        long before = emulator.journal().entries().stream().mapToLong(e -> e.sequence()).max().orElse(0);
        DeclaredLengthRequest refused = DeclaredLengthRequest.post(base.resolve(VERSION + "/revisions"), TestTokens.admin(),
                "multipart/form-data; boundary=" + BOUNDARY, UPLOAD_LIMIT + 1);
        BodyLimitsTest.assertTooLarge(refused.status(), refused.contentType(), refused.body());
        assertTrue(refused.body().contains("at most " + UPLOAD_LIMIT + " bytes"), refused.body());
        assertFalse(emulator.journal().entries().stream()
                .anyMatch(e -> e.sequence() > before && "revisions_file_upload".equals(e.operation())));
    }
}
