package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.gateway.security.TestBearerToken;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.client.GatewayProblemException;
import org.ubiopsgateway.client.RevisionsClient;
import org.ubiopsgateway.client.TemplatesClient;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.BuildStatus;
import org.ubiopsgateway.model.revisions.Revision;
import org.ubiopsgateway.model.revisions.RevisionSource;
import org.ubiopsgateway.model.templates.Template;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published client interfaces against the running gateway: what another service would do. */
@QuarkusTest
class RevisionsClientTest {

    static final String PROJECT = "demo-project";

    @TestHTTPResource("/")
    URI gateway;

    RevisionsClient revisions;
    TemplatesClient templates;
    Path directory;

    @BeforeEach
    void setUp() throws Exception {
        URI root = URI.create(gateway.toString().replaceAll("/+$", "")); // the contract's paths start with '/'
        revisions = QuarkusRestClientBuilder.newBuilder().baseUri(root).register(TestBearerToken.class).build(RevisionsClient.class);
        templates = QuarkusRestClientBuilder.newBuilder().baseUri(root).register(TestBearerToken.class).build(TemplatesClient.class);
        directory = Files.createTempDirectory("revisions-client-test");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The problem a failed call carried. */
    static GatewayProblemException problem(CompletionStage<?> stage) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> await(stage));
        return assertInstanceOf(GatewayProblemException.class, failed.getCause());
    }

    @Test
    void uploadPollDownload() throws Exception {
        byte[] bytes = RevisionsResourceTest.randomPackage(2 * 1024 * 1024 + 5);
        Path zip = directory.resolve("client-model.zip");
        Files.write(zip, bytes);

        Revision created = await(revisions.uploadRevisionFile(PROJECT, "churn-model", "v1", zip));
        assertNotNull(created.buildId());
        assertEquals("v1", created.version());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Build build;
        do {
            Thread.sleep(100);
            build = await(revisions.getBuild(PROJECT, "churn-model", "v1", created.buildId()));
        } while (build.status() != BuildStatus.SUCCESS && System.nanoTime() < deadline);
        assertEquals(BuildStatus.SUCCESS, build.status());
        assertEquals(created.id(), build.revisionId());
        assertTrue(await(revisions.listRevisions(PROJECT, "churn-model", "v1")).stream()
                .anyMatch(r -> r.id().equals(created.id()) && r.status() == BuildStatus.SUCCESS));

        try (Response download = revisions.downloadRevisionFile(PROJECT, "churn-model", "v1", created.id())) {
            assertEquals(200, download.getStatus());
            assertTrue(download.getHeaderString("Content-Disposition").contains("filename=\"client-model.zip\""));
            assertArrayEquals(bytes, download.readEntity(InputStream.class).readAllBytes());
        }
    }

    @Test
    void revisionFromATemplateThenRebuilt() throws Exception {
        List<Template> catalogue = await(templates.listTemplates());
        assertEquals(3, catalogue.size());
        Revision created = await(revisions.createRevision(PROJECT, "churn-model", "v1",
                new RevisionSource(null, null, catalogue.get(0).id())));
        assertEquals(created.id(), await(revisions.getRevision(PROJECT, "churn-model", "v1", created.id())).id());
        Revision rebuilt = await(revisions.rebuildRevision(PROJECT, "churn-model", "v1", created.id()));
        assertEquals(BuildStatus.QUEUED, rebuilt.status());
    }

    @Test
    void revisionCopiedWithTheFormVariant() throws Exception {
        Revision created = await(revisions.createRevisionFromForm(PROJECT, "churn-model", "v1",
                "image-classifier", "v1", null));
        assertNotNull(created.buildId());
    }

    @Test
    void errorsArriveAsProblems() {
        GatewayProblemException missing = problem(revisions.getRevision(PROJECT, "churn-model", "v1",
                RevisionsResourceTest.UNKNOWN_ID));
        assertEquals(404, missing.status());
        assertEquals("Revision was not found", missing.problem().detail());

        GatewayProblemException invalid = problem(revisions.createRevision(PROJECT, "churn-model", "v1",
                new RevisionSource("image-classifier", null, null)));
        assertEquals(400, invalid.status());
        assertEquals("sourceVersion", invalid.problem().violations().get(0).field());

        GatewayProblemException download = assertThrows(GatewayProblemException.class,
                () -> revisions.downloadRevisionFile(PROJECT, "churn-model", "v1", RevisionsResourceTest.UNKNOWN_ID));
        assertEquals(404, download.status());
    }
}
