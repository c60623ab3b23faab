package org.ubiopsgateway.gateway.upstream;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.wire.Build;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersion;
import org.ubiopsgateway.gateway.upstream.wire.Revision;
import org.ubiopsgateway.gateway.upstream.wire.RevisionCreate;
import org.ubiopsgateway.gateway.upstream.wire.RevisionFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.upstream.UbiOpsDeploymentsTest.PROJECT;
import static org.ubiopsgateway.gateway.upstream.UbiOpsDeploymentsTest.await;

/** Deployment packages: upload from disk, builds, download as a stream, copies, templates, rebuilds. */
@QuarkusTest
class UbiOpsDeploymentsRevisionsTest {

    @Inject
    UbiOpsDeployments deployments;

    @Inject
    UpstreamFiles files;

    @Inject
    UbiOpsEmulator emulator;

    private Path directory;

    @BeforeEach
    void reset() throws IOException {
        directory = Files.createTempDirectory("revisions-test");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    /** Polls until the status is final, for at most five seconds (the emulator builds in about one). */
    private static String waitUntilFinal(Supplier<String> status) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        String current = status.get();
        while (!"success".equals(current) && !"failed".equals(current) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            current = status.get();
        }
        return current;
    }

    /** Collects a download's chunks, checking it arrives in more than one piece when it is large. */
    private static byte[] readAll(RevisionFile file) {
        List<Buffer> chunks = file.content().collect().asList().await().atMost(Duration.ofSeconds(10));
        Buffer all = Buffer.buffer();
        chunks.forEach(all::appendBuffer);
        if (all.length() > 1024 * 1024) {
            assertTrue(chunks.size() > 1, "a large package arrives in chunks");
        }
        return all.getBytes();
    }

    @Test
    void uploadedPackageIsBuiltAndDownloadsUnchanged() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        Path zip = directory.resolve("model.zip");
        Files.write(zip, bytes);

        RevisionCreate upload = await(deployments.uploadRevision(PROJECT, "text-summarizer", "v1", zip, null, null, null));
        assertTrue(upload.success());
        Revision revision = await(deployments.getRevision(PROJECT, "text-summarizer", "v1", upload.revision()));
        assertEquals("v1", revision.version());
        assertEquals(upload.revision(), await(deployments.getVersion(PROJECT, "text-summarizer", "v1")).latestRevision());

        String status = waitUntilFinal(() -> await(deployments.getBuild(PROJECT, "text-summarizer", "v1", upload.build())).status());
        assertEquals("success", status);
        Build build = await(deployments.getBuild(PROJECT, "text-summarizer", "v1", upload.build()));
        assertEquals(upload.revision(), build.revision());
        assertEquals("", build.errorMessage());
        DeploymentVersion version = await(deployments.getVersion(PROJECT, "text-summarizer", "v1"));
        assertEquals(upload.revision(), version.activeRevision());
        assertEquals("available", version.status());
        assertTrue(await(deployments.listRevisions(PROJECT, "text-summarizer", "v1")).stream()
                .anyMatch(r -> r.id().equals(upload.revision()) && r.status().equals("success")));

        RevisionFile file = await(files.downloadRevisionFile(PROJECT, "text-summarizer", "v1", upload.revision()));
        assertEquals("model.zip", file.fileName());
        assertEquals(bytes.length, file.contentLength());
        assertArrayEquals(bytes, readAll(file));
    }

    @Test
    void packageCanBeCopiedFromAnotherVersionOrTakenFromATemplate() throws Exception {
        RevisionCreate copy = await(deployments.uploadRevision(PROJECT, "churn-model", "v1", null, "image-classifier", "v1", null));
        RevisionFile copied = await(files.downloadRevisionFile(PROJECT, "churn-model", "v1", copy.revision()));
        assertEquals("image-classifier-v1.zip", copied.fileName());
        String sourceRevision = await(deployments.getVersion(PROJECT, "image-classifier", "v1")).activeRevision();
        assertArrayEquals(readAll(await(files.downloadRevisionFile(PROJECT, "image-classifier", "v1", sourceRevision))),
                readAll(copied));

        String templateId = await(deployments.listTemplateDeployments()).get(0).id();
        RevisionCreate fromTemplate = await(deployments.uploadRevision(PROJECT, "churn-model", "v1", null, null, null, templateId));
        assertEquals(3, await(deployments.listRevisions(PROJECT, "churn-model", "v1")).size());
        assertNotEquals(copy.revision(), fromTemplate.revision());
    }

    @Test
    void uploadWithoutAPackageOrWithHalfASourceIsABadRequest() {
        assertThrows(UpstreamException.BadRequest.class,
                () -> await(deployments.uploadRevision(PROJECT, "churn-model", "v1", null, null, null, null)));
        assertThrows(UpstreamException.BadRequest.class,
                () -> await(deployments.uploadRevision(PROJECT, "churn-model", "v1", null, "image-classifier", null, null)));
        assertEquals(1, await(deployments.listRevisions(PROJECT, "churn-model", "v1")).size());
    }

    @Test
    void rebuildStartsANewBuildOfTheRevision() throws Exception {
        String revisionId = await(deployments.getVersion(PROJECT, "image-classifier", "v1")).latestRevision();
        Revision rebuilt = await(deployments.rebuildRevision(PROJECT, "image-classifier", "v1", revisionId));
        assertEquals(revisionId, rebuilt.id());
        assertEquals("queued", rebuilt.status());
        assertEquals("success", waitUntilFinal(
                () -> await(deployments.getRevision(PROJECT, "image-classifier", "v1", revisionId)).status()));
    }

    @Test
    void seededFailedBuildIsReported() {
        DeploymentVersion v2 = await(deployments.getVersion(PROJECT, "image-classifier", "v2"));
        Build failed = await(deployments.getBuild(PROJECT, "image-classifier", "v2", v2.latestRevision()));
        assertEquals("failed", failed.status());
        assertFalse(failed.errorMessage().isEmpty());
        assertNotEquals(v2.latestRevision(), v2.activeRevision());
        List<Revision> revisions = await(deployments.listRevisions(PROJECT, "image-classifier", "v2"));
        assertEquals(List.of("success", "failed"), revisions.stream().map(Revision::status).toList());
    }

    @Test
    void unknownRevisionsAndBuildsAreNotFound() {
        UpstreamException.NotFound missing = assertThrows(UpstreamException.NotFound.class,
                () -> await(files.downloadRevisionFile(PROJECT, "image-classifier", "v1", "nope")));
        assertEquals("Revision was not found", missing.upstreamMessage());
        assertThrows(UpstreamException.NotFound.class,
                () -> await(deployments.getBuild(PROJECT, "image-classifier", "v1", "nope")));
        assertThrows(UpstreamException.NotFound.class,
                () -> await(deployments.rebuildRevision(PROJECT, "image-classifier", "v1", "nope")));
    }
}
