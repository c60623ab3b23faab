package org.ubiopsgateway.gateway.upstream;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCopy;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.upstream.UbiOpsDeploymentsTest.PROJECT;
import static org.ubiopsgateway.gateway.upstream.UbiOpsDeploymentsTest.await;

/** Deployment- and version-level environment variables: lifecycle, inheritance, copies, secrets. */
@QuarkusTest
class UbiOpsDeploymentsVariablesTest {

    @Inject
    UbiOpsDeployments deployments;

    private static EnvironmentVariable named(List<EnvironmentVariable> variables, String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void deploymentVariableLifecycle() {
        EnvironmentVariable created = await(deployments.createDeploymentVariable(PROJECT, "churn-model",
                new EnvironmentVariableCreate("TIMEOUT", "30", false)));
        assertEquals("30", created.value());
        assertNull(created.inheritanceType());
        assertEquals(created, await(deployments.getDeploymentVariable(PROJECT, "churn-model", created.id())));
        assertTrue(await(deployments.listDeploymentVariables(PROJECT, "churn-model")).stream()
                .anyMatch(v -> v.id().equals(created.id())));

        EnvironmentVariable secret = await(deployments.updateDeploymentVariable(PROJECT, "churn-model", created.id(),
                new EnvironmentVariableCreate("TIMEOUT", "60", true)));
        assertTrue(secret.secret());
        assertNull(secret.value());
        assertThrows(UpstreamException.BadRequest.class, () -> await(deployments.updateDeploymentVariable(PROJECT,
                "churn-model", created.id(), new EnvironmentVariableCreate("TIMEOUT", "60", false))));

        await(deployments.deleteDeploymentVariable(PROJECT, "churn-model", created.id()));
        assertThrows(UpstreamException.NotFound.class,
                () -> await(deployments.getDeploymentVariable(PROJECT, "churn-model", created.id())));
    }

    @Test
    void versionVariableLifecycle() {
        EnvironmentVariable created = await(deployments.createVersionVariable(PROJECT, "churn-model", "v1",
                new EnvironmentVariableCreate("WORKERS", "4", false)));
        assertEquals(created, await(deployments.getVersionVariable(PROJECT, "churn-model", "v1", created.id())));
        EnvironmentVariable updated = await(deployments.updateVersionVariable(PROJECT, "churn-model", "v1", created.id(),
                new EnvironmentVariableCreate("WORKERS", "8", false)));
        assertEquals("8", updated.value());
        assertEquals("8", named(await(deployments.listVersionVariables(PROJECT, "churn-model", "v1")), "WORKERS").value());
        await(deployments.deleteVersionVariable(PROJECT, "churn-model", "v1", created.id()));
        assertFalse(await(deployments.listVersionVariables(PROJECT, "churn-model", "v1")).stream()
                .anyMatch(v -> v.name().equals("WORKERS")));
        assertThrows(UpstreamException.BadRequest.class, () -> await(deployments.createVersionVariable(PROJECT,
                "churn-model", "v1", new EnvironmentVariableCreate("_BAD_", "x", false))));
    }

    @Test
    void listsIncludeInheritedVariablesWithTheirOrigin() {
        List<EnvironmentVariable> deploymentLevel = await(deployments.listDeploymentVariables(PROJECT, "image-classifier"));
        EnvironmentVariable fromProject = named(deploymentLevel, "LOG_LEVEL");
        assertEquals("project", fromProject.inheritanceType());
        assertEquals(PROJECT, fromProject.inheritanceName());
        assertEquals("info", fromProject.value());
        assertNull(named(deploymentLevel, "MODEL_BUCKET").inheritanceType());

        List<EnvironmentVariable> versionLevel = await(deployments.listVersionVariables(PROJECT, "image-classifier", "v2"));
        EnvironmentVariable shadowing = named(versionLevel, "LOG_LEVEL");
        assertEquals("debug", shadowing.value());
        assertNull(shadowing.inheritanceType());
        assertEquals(1, versionLevel.stream().filter(v -> v.name().equals("LOG_LEVEL")).count());
        assertEquals("deployment", named(versionLevel, "MODEL_BUCKET").inheritanceType());
        assertEquals("image-classifier", named(versionLevel, "MODEL_BUCKET").inheritanceName());
        assertEquals("project", named(versionLevel, "DATABASE_PASSWORD").inheritanceType());
    }

    @Test
    void secretsNeverCarryAValue() {
        List<EnvironmentVariable> all = await(deployments.listVersionVariables(PROJECT, "image-classifier", "v2"));
        assertTrue(all.stream().anyMatch(EnvironmentVariable::secret));
        all.stream().filter(EnvironmentVariable::secret).forEach(v -> assertNull(v.value(), v.name()));
    }

    @Test
    void copyFromADeploymentOverwritesSameNamesAndKeepsSecretsSecret() {
        EnvironmentVariable existing = await(deployments.createDeploymentVariable(PROJECT, "text-summarizer",
                new EnvironmentVariableCreate("MODEL_BUCKET", "old", false)));
        List<EnvironmentVariable> copied = await(deployments.copyDeploymentVariables(PROJECT, "text-summarizer",
                new EnvironmentVariableCopy("image-classifier", null)));
        assertEquals(List.of("MODEL_BUCKET", "MODEL_API_KEY"), copied.stream().map(EnvironmentVariable::name).toList());
        assertEquals(existing.id(), named(copied, "MODEL_BUCKET").id());
        assertEquals("s3://models/image-classifier", named(copied, "MODEL_BUCKET").value());
        assertTrue(named(copied, "MODEL_API_KEY").secret());
        assertNull(named(copied, "MODEL_API_KEY").value());
        copied.forEach(v -> assertNull(v.inheritanceType()));
        List<EnvironmentVariable> after = await(deployments.listDeploymentVariables(PROJECT, "text-summarizer"));
        assertEquals(List.of("MAX_TOKENS", "MODEL_BUCKET", "MODEL_API_KEY", "LOG_LEVEL", "DATABASE_PASSWORD"),
                after.stream().map(EnvironmentVariable::name).toList());
    }

    @Test
    void copyFromAVersionToAVersion() {
        List<EnvironmentVariable> copied = await(deployments.copyVersionVariables(PROJECT, "churn-model", "v1",
                new EnvironmentVariableCopy("image-classifier", "v2")));
        assertEquals(List.of("LOG_LEVEL", "BATCH_SIZE"), copied.stream().map(EnvironmentVariable::name).toList());
        EnvironmentVariable logLevel = named(await(deployments.listVersionVariables(PROJECT, "churn-model", "v1")), "LOG_LEVEL");
        assertEquals("debug", logLevel.value());
        assertNull(logLevel.inheritanceType());
        assertThrows(UpstreamException.NotFound.class, () -> await(deployments.copyVersionVariables(PROJECT,
                "churn-model", "v1", new EnvironmentVariableCopy("missing", null))));
    }
}
