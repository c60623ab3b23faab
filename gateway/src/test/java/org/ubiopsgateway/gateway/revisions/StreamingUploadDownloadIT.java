package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.gateway.security.TestTokens;
import org.ubiopsgateway.gateway.packaging.PackagedGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hard streaming requirement, against the packaged gateway: a 200 MB deployment package goes up and comes back
 * down unchanged through a gateway whose heap is capped at 128 MB, and a body just over the configured upload limit
 * is refused with 413 problem+json; four such packages go up at once, then come down at once, through the same heap.
 * The gateway runs as its own process ({@code -Xmx128m}), the emulator in this JVM; packages live on disk only, on
 * both sides (the emulator keeps them in files too, so this JVM holds none of the 800 MB either).
 */
class StreamingUploadDownloadIT {

    static final long PACKAGE_SIZE = 200L * 1024 * 1024;
    /** 201 MiB: room for the 200 MiB package and its multipart framing, and no more. */
    static final long UPLOAD_LIMIT = 201L * 1024 * 1024;
    static final String HEAP = "-Xmx128m";
    static final long HEAP_LIMIT = 128L * 1024 * 1024;
    static final int CONCURRENT = 4;
    /** The heap the gateway reports in its metrics. */
    static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$");
    static final String VERSION = "/api/v1/projects/demo-project/deployments/text-summarizer/versions/v1";

    static UbiOpsEmulator emulator;
    static PackagedGateway gateway;
    /** Made and emptied by JUnit, after every @AfterAll has stopped the processes writing into it. */
    @TempDir
    static Path workDirectory;
    static URI base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("it-token"));
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
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredMegabytePackageGoesUpAndComesBackUnchangedThroughA128MegabyteHeap() throws Exception {
        Path original = workDirectory.resolve("big-model.zip");
        String originalSha = PackageFiles.write(original, PACKAGE_SIZE);

        HttpResponse<String> created = http.send(authorized(base.resolve(VERSION + "/revisions"))
                .header("Content-Type", PackageFiles.CONTENT_TYPE)
                .timeout(Duration.ofSeconds(60))
                .POST(PackageFiles.multipart(original)).build(), HttpResponse.BodyHandlers.ofString());
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
        assertEquals(originalSha, PackageFiles.sha256(downloaded));

        assertTrue(gateway.isAlive(), "the gateway survived");
        assertFalse(gateway.log().contains("OutOfMemoryError"));
        try (var left = Files.list(workDirectory.resolve("gateway-uploads"))) {
            assertEquals(List.of(), left.toList(), "the gateway keeps no uploaded package");
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void fourPackagesGoUpAtOnceAndComeDownAtOnceUnchangedThroughA128MegabyteHeap() throws Exception {
        List<Path> originals = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            originals.add(workDirectory.resolve("concurrent-" + i + ".zip"));
            checksums.add(PackageFiles.write(originals.get(i), PACKAGE_SIZE, 100 + i));
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong heapMax = new AtomicLong();
        sampler.scheduleAtFixedRate(() -> heapUsed().ifPresent(used -> heapMax.accumulateAndGet(used, Math::max)),
                0, 250, TimeUnit.MILLISECONDS);
        try {
            List<CompletableFuture<HttpResponse<String>>> uploads = originals.stream().map(file -> {
                try {
                    return http.sendAsync(authorized(base.resolve(VERSION + "/revisions"))
                            .header("Content-Type", PackageFiles.CONTENT_TYPE).timeout(Duration.ofMinutes(5))
                            .POST(PackageFiles.multipart(file)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
            List<String> revisions = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> upload : uploads) {
                HttpResponse<String> created = upload.get();
                assertEquals(201, created.statusCode(), created.body());
                JsonNode revision = json.readTree(created.body());
                assertEquals("success", awaitBuild(revision.get("buildId").asText()));
                revisions.add(revision.get("id").asText());
            }

            List<CompletableFuture<HttpResponse<Path>>> downloads = IntStream.range(0, CONCURRENT).mapToObj(i ->
                    http.sendAsync(authorized(base.resolve(VERSION + "/revisions/" + revisions.get(i) + "/file"))
                            .timeout(Duration.ofMinutes(5)).build(),
                            HttpResponse.BodyHandlers.ofFile(workDirectory.resolve("concurrent-" + i + "-down.zip")))).toList();
            for (int i = 0; i < CONCURRENT; i++) {
                HttpResponse<Path> download = downloads.get(i).get();
                assertEquals(200, download.statusCode());
                assertEquals(checksums.get(i), PackageFiles.sha256(download.body()), "package " + i + " came back changed");
            }
        } finally {
            sampler.shutdownNow();
        }
        System.out.printf("[uploads] %d x %d MB up, then down, at once: the gateway's heap peaked at %d MB of %d MB%n",
                CONCURRENT, PACKAGE_SIZE >> 20, heapMax.get() >> 20, HEAP_LIMIT >> 20);
        assertTrue(heapMax.get() > 0, "the heap was sampled");
        assertTrue(heapMax.get() < HEAP_LIMIT, "heap used " + heapMax.get());
        assertTrue(gateway.isAlive(), "the gateway survived");
        assertFalse(gateway.log().contains("OutOfMemoryError"));
    }

    /** The gateway's heap in use now, from its metrics; empty when they do not answer (busy, say). */
    private Optional<Long> heapUsed() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher used = HEAP_USED.matcher(metrics);
            long sum = 0;
            while (used.find()) {
                sum += (long) Double.parseDouble(used.group(1));
            }
            return sum > 0 ? Optional.of(sum) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
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
                PackageFiles.CONTENT_TYPE, UPLOAD_LIMIT + 1);
        BodyLimitsTest.assertTooLarge(refused.status(), refused.contentType(), refused.body());
        assertTrue(refused.body().contains("at most " + UPLOAD_LIMIT + " bytes"), refused.body());
        assertFalse(emulator.journal().entries().stream()
                .anyMatch(e -> e.sequence() > before && "revisions_file_upload".equals(e.operation())));
    }
}
