package org.ubiopsgateway.gateway.consumer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ubiopsgateway.client.DeploymentsClient;
import org.ubiopsgateway.client.GatewayProblemException;
import org.ubiopsgateway.client.RevisionsClient;
import org.ubiopsgateway.client.EnvironmentVariablesClient;
import org.ubiopsgateway.client.VersionsClient;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.IoType;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionCreate;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.BuildStatus;
import org.ubiopsgateway.model.revisions.Revision;
import org.ubiopsgateway.model.variables.EffectiveVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariable;
import org.ubiopsgateway.model.variables.EnvironmentVariableRequest;
import org.ubiopsgateway.model.variables.VariableLevel;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another JVM service's view: the published api-client interfaces, injected with {@code @RestClient} and
 * configured by {@code quarkus.rest-client.ubiops-gateway.url} as a consumer configures them, walk a realistic
 * flow against the running gateway (and its emulator).
 */
@QuarkusTest
class ConsumerFlowTest {

    private static final String PROJECT = "demo-project";
    private static final String DEPLOYMENT = "consumer-flow";

    @Inject
    @RestClient
    DeploymentsClient deployments;

    @Inject
    @RestClient
    VersionsClient versions;

    @Inject
    @RestClient
    RevisionsClient revisions;

    @Inject
    @RestClient
    EnvironmentVariablesClient variables;

    @Inject
    UbiOpsEmulator emulator;

    @TempDir
    Path temp;

    @Test
    void serviceDeploysAModelThroughTheGatewayAndCleansUp() throws Exception {
        await(deployments.create(PROJECT, new DeploymentCreate(DEPLOYMENT, "Created by a consumer", IoType.PLAIN,
                IoType.PLAIN, null, null, null)));
        Version version = await(versions.create(PROJECT, DEPLOYMENT,
                new VersionCreate("v1", null, null, null, null, null, null, null, null, null)));
        assertTrue(version.isDefault(), "the first version becomes the default");

        Path model = zip(temp.resolve("model.zip"));
        Revision revision = await(revisions.uploadRevisionFile(PROJECT, DEPLOYMENT, "v1", model));
        assertEquals(BuildStatus.SUCCESS, waitForBuild(revision.buildId()), "the uploaded package builds");
        assertEquals(revision.id(), await(revisions.getRevision(PROJECT, DEPLOYMENT, "v1", revision.id())).id());
        try (Response download = revisions.downloadRevisionFile(PROJECT, DEPLOYMENT, "v1", revision.id());
             InputStream body = download.readEntity(InputStream.class)) {
            assertEquals(200, download.getStatus());
            assertArrayEquals(Files.readAllBytes(model), body.readAllBytes());
        }

        EnvironmentVariable threshold = await(variables.version(PROJECT, DEPLOYMENT, "v1").create(
                new EnvironmentVariableRequest("THRESHOLD", "0.8", false)));
        await(variables.version(PROJECT, DEPLOYMENT, "v1").create( new EnvironmentVariableRequest("API_KEY", "k-123", true)));
        List<EffectiveVariable> effective = await(variables.version(PROJECT, DEPLOYMENT, "v1").effective());
        EffectiveVariable own = find(effective, "THRESHOLD");
        assertEquals("0.8", own.value());
        assertEquals(VariableLevel.VERSION, own.source().level());
        assertEquals(threshold.id(), own.id());
        assertNull(find(effective, "API_KEY").value(), "a secret never carries its value");
        assertEquals(VariableLevel.PROJECT, find(effective, "LOG_LEVEL").source().level(), "inherited from the project");

        await(versions.delete(PROJECT, DEPLOYMENT, "v1"));
        await(deployments.delete(PROJECT, DEPLOYMENT));
        ExecutionException gone = assertThrows(ExecutionException.class, () -> await(deployments.get(PROJECT, DEPLOYMENT)));
        GatewayProblemException problem = assertInstanceOf(GatewayProblemException.class, gone.getCause());
        assertEquals(404, problem.status());
        assertEquals(404, problem.problem().status());
    }

    @Test
    void upstreamRefusalArrivesAsATypedProblem() {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(deployments.create(PROJECT,
                new DeploymentCreate("image-classifier", null, IoType.PLAIN, IoType.PLAIN, null, null, null))));
        GatewayProblemException problem = assertInstanceOf(GatewayProblemException.class, failure.getCause());
        assertEquals(409, problem.status());
        assertTrue(problem.problem().detail().contains("already exists"), problem.problem().detail());
    }

    @Test
    void contractConstraintsStopInvalidInputInsideTheConsumer() {
        // The constraints live on the shared interface, so the consumer's own client checks them before sending.
        ConstraintViolationException refused = assertThrows(ConstraintViolationException.class,
                () -> deployments.create(PROJECT, new DeploymentCreate("Not A Name", null, IoType.PLAIN, IoType.PLAIN,
                        null, null, null)));
        assertTrue(refused.getMessage().contains("lowercase letters"), refused.getMessage());
        assertEquals(0, emulator.journal().size(), "nothing reached UbiOps");
    }

    private BuildStatus waitForBuild(String build) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        BuildStatus status;
        do {
            Build current = await(revisions.getBuild(PROJECT, DEPLOYMENT, "v1", build));
            status = current.status();
            if (status == BuildStatus.SUCCESS || status == BuildStatus.FAILED) {
                return status;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private static EffectiveVariable find(List<EffectiveVariable> variables, String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + variables));
    }

    private static Path zip(Path file) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("deployment.py"));
            zip.write("class Deployment:\n    def request(self, data):\n        return data\n".getBytes());
            zip.closeEntry();
        }
        return Files.write(file, bytes.toByteArray());
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
