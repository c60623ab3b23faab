package org.ubiopsgateway.gateway.deployments;

import org.ubiopsgateway.gateway.security.TestBearerToken;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.client.DeploymentsClient;
import org.ubiopsgateway.client.GatewayProblemException;
import org.ubiopsgateway.client.VersionsClient;
import org.ubiopsgateway.model.deployments.DataType;
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.DeploymentCreate;
import org.ubiopsgateway.model.deployments.DeploymentUpdate;
import org.ubiopsgateway.model.deployments.InputField;
import org.ubiopsgateway.model.deployments.InputWidgetType;
import org.ubiopsgateway.model.deployments.IoType;
import org.ubiopsgateway.model.deployments.Retention;
import org.ubiopsgateway.model.deployments.RetentionMode;
import org.ubiopsgateway.model.deployments.Scaling;
import org.ubiopsgateway.model.deployments.ScalingStrategy;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.deployments.VersionCreate;
import org.ubiopsgateway.model.deployments.VersionUpdate;
import org.ubiopsgateway.model.deployments.Widget;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The api-client interfaces of deployments and versions, against the running gateway: the contract holds both ways. */
@QuarkusTest
class DeploymentsClientTest {

    static final String PROJECT = "demo-project";

    @TestHTTPResource("/")
    URL gateway;

    DeploymentsClient deployments;
    VersionsClient versions;

    @BeforeEach
    void setUp() {
        deployments = client(DeploymentsClient.class);
        versions = client(VersionsClient.class);
    }

    <T> T client(Class<T> api) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(gateway.toString()))
                .register(TestBearerToken.class).build(api);
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aDeploymentAndItsVersionsRoundTripThroughTheClient() throws Exception {
        Deployment created = await(deployments.create(PROJECT, new DeploymentCreate("scorer", "Scores", IoType.STRUCTURED,
                IoType.PLAIN, List.of(new InputField("x", DataType.INT,
                        new Widget<>(InputWidgetType.SLIDER, Map.of("min", 0, "max", 10)))), null, Map.of("team", "qa"))));
        assertEquals("scorer", created.name());
        assertEquals(InputWidgetType.SLIDER, created.inputFields().get(0).widget().type());

        Version first = await(versions.create(PROJECT, "scorer", new VersionCreate("v1", null, null, null,
                new Scaling(null, 2, null, ScalingStrategy.MODERATE, null), new Retention(RetentionMode.METADATA, null),
                null, null, null, null)));
        assertTrue(first.isDefault());
        assertEquals(ScalingStrategy.MODERATE, first.scaling().strategy());
        assertEquals(RetentionMode.METADATA, first.retention().mode());
        assertEquals("v1", await(deployments.get(PROJECT, "scorer")).defaultVersion());

        Version updated = await(versions.update(PROJECT, "scorer", "v1", new VersionUpdate(null, "First", null, null,
                null, null, null, null, null, null)));
        assertEquals("First", updated.description());
        assertEquals(2, updated.scaling().maximumInstances());
        assertEquals(List.of("v1"), await(versions.list(PROJECT, "scorer", null)).stream().map(Version::version).toList());

        Deployment renamed = await(deployments.update(PROJECT, "scorer",
                new DeploymentUpdate("rater", null, null, null, null, null)));
        assertEquals("rater", renamed.name());
        await(versions.delete(PROJECT, "rater", "v1"));
        await(deployments.delete(PROJECT, "rater"));
        assertFalse(await(deployments.list(PROJECT, null)).stream().anyMatch(d -> d.name().equals("rater")));
    }

    @Test
    void theOddUpstreamTimestampReachesTheClientAsGiven() throws Exception {
        Version churn = await(versions.get(PROJECT, "churn-model", "v1"));
        assertEquals("2020-06-22T18:04:76.123754Z", churn.lastUpdated());
        assertNull(await(deployments.list(PROJECT, "team:analytics")).get(0).defaultVersion());
    }

    @Test
    void errorsArriveAsTypedProblems() {
        CompletionException missing = assertThrows(CompletionException.class,
                () -> versions.get(PROJECT, "churn-model", "v9").toCompletableFuture().join());
        GatewayProblemException problem = assertInstanceOf(GatewayProblemException.class, missing.getCause());
        assertEquals(404, problem.status());
        assertEquals("Version was not found", problem.problem().detail());

        CompletionException duplicate = assertThrows(CompletionException.class,
                () -> deployments.create(PROJECT, new DeploymentCreate("churn-model", null, IoType.PLAIN, IoType.PLAIN,
                        null, null, null)).toCompletableFuture().join());
        assertEquals(409, assertInstanceOf(GatewayProblemException.class, duplicate.getCause()).status());
    }
}
