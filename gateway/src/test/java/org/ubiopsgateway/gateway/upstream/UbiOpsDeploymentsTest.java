package org.ubiopsgateway.gateway.upstream;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.wire.AuditEvent;
import org.ubiopsgateway.gateway.upstream.wire.Deployment;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentCreate;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentField;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentFieldWidget;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentUpdate;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersion;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersionBody;
import org.ubiopsgateway.gateway.upstream.wire.DeploymentVersionPort;
import org.ubiopsgateway.gateway.upstream.wire.TemplateDeployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployments, versions, audit and templates through the upstream client, against the embedded emulator. */
@QuarkusTest
class UbiOpsDeploymentsTest {

    static final String PROJECT = "demo-project";

    @Inject
    UbiOpsDeployments deployments;

    @Inject
    UbiOpsEmulator emulator;

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    private static List<String> names(List<Deployment> list) {
        return list.stream().map(Deployment::name).toList();
    }

    private static DeploymentCreate structured(String name) {
        return new DeploymentCreate(name, "Scores things", "structured", "structured",
                List.of(new DeploymentField("x", "int", new DeploymentFieldWidget("slider", Map.of("min", 0, "max", 10)))),
                List.of(DeploymentField.of("score", "double")), Map.of("team", "qa"));
    }

    @Test
    void deploymentLifecycleCreateGetListUpdateDelete() {
        Deployment created = await(deployments.createDeployment(PROJECT, structured("scorer")));
        assertEquals("scorer", created.name());
        assertEquals(PROJECT, created.project());
        assertEquals("slider", created.inputFields().get(0).widget().type());
        assertEquals(10, created.inputFields().get(0).widget().configuration().get("max"));
        assertNotNull(created.creationDate().parsed().orElse(null));

        Deployment read = await(deployments.getDeployment(PROJECT, "scorer"));
        assertEquals(created.id(), read.id());
        assertNull(read.defaultVersion());
        assertTrue(names(await(deployments.listDeployments(PROJECT, null))).contains("scorer"));

        Deployment updated = await(deployments.updateDeployment(PROJECT, "scorer",
                new DeploymentUpdate("rater", null, Map.of("team", "ops"), null, null, null)));
        assertEquals("rater", updated.name());
        assertEquals("Scores things", updated.description()); // not sent, so unchanged
        assertEquals(Map.of("team", "ops"), updated.labels());
        assertThrows(UpstreamException.NotFound.class, () -> await(deployments.getDeployment(PROJECT, "scorer")));

        await(deployments.deleteDeployment(PROJECT, "rater"));
        UpstreamException.NotFound gone = assertThrows(UpstreamException.NotFound.class,
                () -> await(deployments.getDeployment(PROJECT, "rater")));
        assertEquals("Deployment was not found", gone.upstreamMessage());
        assertFalse(names(await(deployments.listDeployments(PROJECT, null))).contains("rater"));
    }

    @Test
    void labelFilterIsSentToUpstream() {
        assertEquals(List.of("image-classifier"), names(await(deployments.listDeployments(PROJECT, "team:vision"))));
        assertEquals(List.of("image-classifier", "churn-model"),
                names(await(deployments.listDeployments(PROJECT, "stage:production"))));
        assertEquals(List.of("v2"), await(deployments.listVersions(PROJECT, "image-classifier", "stage:canary"))
                .stream().map(DeploymentVersion::version).toList());
    }

    @Test
    void badInputIsABadRequestAndDuplicatesAConflict() {
        assertThrows(UpstreamException.BadRequest.class,
                () -> await(deployments.createDeployment(PROJECT, structured("Not_Valid"))));
        assertThrows(UpstreamException.BadRequest.class, () -> await(deployments.createDeployment(PROJECT,
                new DeploymentCreate("ok", null, "tabular", "plain", null, null, null))));
        assertThrows(UpstreamException.Conflict.class,
                () -> await(deployments.createDeployment(PROJECT, structured("churn-model"))));
        UpstreamException.BadRequest badEnum = assertThrows(UpstreamException.BadRequest.class,
                () -> await(deployments.createVersion(PROJECT, "churn-model", new DeploymentVersionBody("v9", null,
                        null, null, null, null, null, null, null, null, "everything", null, null, null, null, null,
                        null, null))));
        assertTrue(badEnum.upstreamMessage().contains("request_retention_mode"), badEnum.upstreamMessage());
        assertThrows(UpstreamException.Conflict.class,
                () -> await(deployments.createVersion(PROJECT, "churn-model", DeploymentVersionBody.named("v1"))));
        assertThrows(UpstreamException.NotFound.class, () -> await(deployments.listDeployments("nowhere", null)));
    }

    @Test
    void versionLifecycleAndFirstVersionBecomesDefault() {
        await(deployments.createDeployment(PROJECT, new DeploymentCreate("echo", null, "plain", "plain", null, null, null)));
        DeploymentVersion first = await(deployments.createVersion(PROJECT, "echo", DeploymentVersionBody.named("v1")));
        assertTrue(first.isDefault());
        assertEquals("unavailable", first.status());
        assertEquals(5, first.maximumInstances());
        assertEquals("full", first.requestRetentionMode());
        assertNull(first.activeRevision());
        assertNull(first.lastFileUpload());

        DeploymentVersion second = await(deployments.createVersion(PROJECT, "echo", new DeploymentVersionBody("v2",
                "python3-12", null, "1024mb", 3, 1, 600, "Second", Map.of("stage", "test"), 3600, "metadata", 5, 50, true,
                true, List.of(new DeploymentVersionPort(2222, 22, "tcp")), "moderate", 2)));
        assertFalse(second.isDefault());
        assertEquals("1024mb", second.instanceTypeGroupName());
        assertEquals("Python 3.12", second.environmentDisplayName());
        assertEquals(List.of(new DeploymentVersionPort(2222, 22, "tcp")), second.ports());
        assertEquals("v1", await(deployments.getDeployment(PROJECT, "echo")).defaultVersion());

        DeploymentVersion updated = await(deployments.updateVersion(PROJECT, "echo", "v2", new DeploymentVersionBody(
                "canary", null, null, null, 4, null, null, null, null, null, null, null, null, null, null, null, null, null)));
        assertEquals("canary", updated.version());
        assertEquals(4, updated.maximumInstances());
        assertEquals(1, updated.minimumInstances());
        assertEquals("moderate", updated.scalingStrategy());
        assertEquals(List.of("v1", "canary"), await(deployments.listVersions(PROJECT, "echo", null)).stream()
                .map(DeploymentVersion::version).toList());
        assertEquals("canary", await(deployments.getVersion(PROJECT, "echo", "canary")).version());

        await(deployments.deleteVersion(PROJECT, "echo", "canary"));
        assertThrows(UpstreamException.NotFound.class, () -> await(deployments.getVersion(PROJECT, "echo", "canary")));
    }

    @Test
    void defaultVersionCanBeMovedToAnAvailableVersion() {
        Deployment updated = await(deployments.updateDeployment(PROJECT, "image-classifier",
                new DeploymentUpdate(null, null, null, "v2", null, null)));
        assertEquals("v2", updated.defaultVersion());
        assertTrue(await(deployments.getVersion(PROJECT, "image-classifier", "v2")).isDefault());
        assertThrows(UpstreamException.BadRequest.class, () -> await(deployments.updateDeployment(PROJECT,
                "image-classifier", new DeploymentUpdate(null, null, null, "v7", null, null))));
    }

    @Test
    void seededOddTimestampIsKeptRaw() {
        DeploymentVersion churn = await(deployments.getVersion(PROJECT, "churn-model", "v1"));
        assertEquals("2020-06-22T18:04:76.123754Z", churn.lastUpdated().raw());
        assertTrue(churn.lastUpdated().parsed().isEmpty());
        assertEquals("2020-06-22T18:04:76.123754Z",
                await(deployments.getBuild(PROJECT, "churn-model", "v1", churn.latestRevision())).creationDate().raw());
    }

    @Test
    void deploymentAuditListsChangesNewestFirstWithFilterAndPaging() {
        await(deployments.updateDeployment(PROJECT, "text-summarizer", new DeploymentUpdate(null, "Shorter", null, null, null, null)));
        await(deployments.createVersion(PROJECT, "text-summarizer", DeploymentVersionBody.named("v2")));
        List<AuditEvent> events = await(deployments.listDeploymentAuditEvents(PROJECT, "text-summarizer", null, null, null));
        assertEquals(List.of("create", "update"), events.stream().map(AuditEvent::action).limit(2).toList());
        assertEquals("text-summarizer", events.get(0).objectName());
        List<AuditEvent> updates = await(deployments.listDeploymentAuditEvents(PROJECT, "text-summarizer", "update", 1, 0));
        assertEquals(1, updates.size());
        assertEquals("update", updates.get(0).action());
        assertThrows(UpstreamException.BadRequest.class,
                () -> await(deployments.listDeploymentAuditEvents(PROJECT, "text-summarizer", "rename", null, null)));
    }

    @Test
    void templatesAreListedWithCoercedNumbers() {
        List<TemplateDeployment> templates = await(deployments.listTemplateDeployments());
        assertEquals(3, templates.size());
        TemplateDeployment hello = templates.stream().filter(t -> t.details().name().equals("hello-world")).findFirst().orElseThrow();
        assertEquals(300, hello.details().version().maximumIdleTime());
        assertEquals("python3-11", hello.details().version().environment());
    }
}
