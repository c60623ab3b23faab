package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.deploy.DeployFiles.Document;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.DEPLOY;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.stream;

/** deploy/k8s against the running gateway: ports, probes, environment, file system, resources, wiring. */
@QuarkusTest
class KubernetesManifestsTest {

    static JsonNode gateway() {
        List<Document> deployments = DeployFiles.kubernetes("Deployment").stream()
                .filter(d -> d.name().equals("ubiops-gateway")).toList();
        assertEquals(1, deployments.size(), "one gateway Deployment in the base");
        return deployments.get(0).node();
    }

    static JsonNode container() {
        return gateway().at("/spec/template/spec/containers/0");
    }

    /** The port the production gateway listens on (tests listen on a random one). */
    static int httpPort() {
        return Integer.parseInt(new ConfigSurface().productionValue("quarkus.http.port"));
    }

    @Test
    void everyFileIsValidYamlAndEveryKustomizationEntryExists() {
        List<Document> documents = DeployFiles.yamlDocuments();
        assertFalse(documents.isEmpty());
        Set<Path> referenced = new HashSet<>();
        documents.stream().filter(d -> d.kind().equals("Kustomization") || d.kind().equals("Component")).forEach(k -> {
            Path dir = k.file().getParent();
            referenced.add(k.file());
            Stream.of("resources", "components").flatMap(f -> stream(k.node().path(f)))
                    .map(n -> dir.resolve(n.asText()).normalize()).forEach(p -> {
                        assertTrue(Files.exists(p), k.file() + " names " + p + ", which does not exist");
                        referenced.add(Files.isDirectory(p) ? p.resolve("kustomization.yaml") : p);
                    });
            stream(k.node().path("patches")).map(n -> dir.resolve(n.path("path").asText()).normalize()).forEach(p -> {
                assertTrue(Files.exists(p), k.file() + " patches with " + p + ", which does not exist");
                referenced.add(p);
            });
            stream(k.node().path("secretGenerator")).flatMap(g -> stream(g.path("envs")))
                    .map(n -> dir.resolve(n.asText() + ".example")).forEach(p -> {
                        assertTrue(Files.exists(p), "a secret generator's env file has an example beside it: " + p);
                        referenced.add(p);
                    });
        });
        Set<Path> orphans = DeployFiles.files(".yaml", ".yml", ".example").stream()
                .filter(p -> p.startsWith(DEPLOY.resolve("k8s"))).filter(p -> !referenced.contains(p))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), orphans, "files under deploy/k8s that no kustomization uses");
    }

    @Test
    void portsMatchTheGateway() {
        JsonNode port = container().at("/ports/0");
        assertEquals(httpPort(), port.path("containerPort").asInt());
        assertEquals(String.valueOf(httpPort()), gateway().at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
        assertEquals("/q/metrics", gateway().at("/spec/template/metadata/annotations/prometheus.io~1path").asText());
        JsonNode service = DeployFiles.kubernetes("Service").stream().filter(d -> d.name().equals("ubiops-gateway"))
                .findFirst().orElseThrow().node();
        assertEquals(port.path("name").asText(), service.at("/spec/ports/0/targetPort").asText());
        assertEquals(httpPort(), service.at("/spec/ports/0/port").asInt(), "consumers call http://ubiops-gateway:" + httpPort());
    }

    @Test
    void probesAskTheRightHealthEndpointsWithoutAToken() {
        JsonNode c = container();
        Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        probes.forEach((probe, path) -> {
            assertEquals(path, c.path(probe).at("/httpGet/path").asText(), probe);
            assertEquals(c.at("/ports/0/name").asText(), c.path(probe).at("/httpGet/port").asText(), probe);
            TestTokens.anonymous().get(path).then().statusCode(200).body("status", equalTo("UP"));
        });
        List<String> liveChecks = TestTokens.anonymous().get("/q/health/live").then().extract().path("checks.name");
        assertFalse(liveChecks.contains("ubiops"), "liveness must not depend on UbiOps");
        List<String> readyChecks = TestTokens.anonymous().get("/q/health/ready").then().extract().path("checks.name");
        assertTrue(readyChecks.contains("ubiops"), "readiness asks UbiOps");
    }

    @Test
    void everyEnvironmentVariableIsOneTheGatewayReads() {
        ConfigSurface surface = new ConfigSurface();
        Set<String> names = new TreeSet<>();
        stream(container().path("env")).map(e -> e.path("name").asText()).forEach(names::add);
        DeployFiles.kubernetes("ConfigMap").stream().filter(d -> d.name().equals("ubiops-gateway-config"))
                .forEach(d -> d.node().path("data").fieldNames().forEachRemaining(names::add));
        DeployFiles.files(".env.example").forEach(f -> DeployFiles.text(f).lines()
                .filter(l -> l.contains("=") && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')))
                .forEach(names::add));
        assertTrue(names.contains("UBIOPS_API_TOKEN") && names.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), names.toString());
        List<String> unknown = names.stream().filter(n -> surface.readFrom(n).isEmpty()).toList();
        assertEquals(List.of(), unknown, "environment variables in deploy/k8s the gateway never reads");
    }

    @Test
    void theTokenComesFromTheSecretTheOverlayGenerates() {
        JsonNode ref = stream(container().path("env")).filter(e -> e.path("name").asText().equals("UBIOPS_API_TOKEN"))
                .findFirst().orElseThrow().at("/valueFrom/secretKeyRef");
        Set<String> generated = DeployFiles.yamlDocuments().stream().filter(d -> d.kind().equals("Kustomization"))
                .flatMap(d -> stream(d.node().path("secretGenerator"))).map(g -> g.path("name").asText())
                .collect(Collectors.toSet());
        assertTrue(generated.contains(ref.path("name").asText()), "secret " + ref + " is generated by an overlay");
        assertTrue(DeployFiles.text(DEPLOY.resolve("k8s/overlays/example/secrets.env.example"))
                .contains(ref.path("key").asText() + "="));
        assertTrue(DeployFiles.text(DeployFiles.ROOT.resolve(".gitignore")).contains("deploy/k8s/overlays/*/secrets.env"),
                "filled-in secrets.env files are never committed");
    }

    @Test
    void containersRunAsNonRootOnAReadOnlyFileSystemWithAWritableTmp() {
        for (Document d : DeployFiles.kubernetes("Deployment")) {
            JsonNode pod = d.node().at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), d.name());
            for (JsonNode c : pod.path("containers")) {
                JsonNode security = c.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), d.name());
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), d.name());
                assertEquals("ALL", security.at("/capabilities/drop/0").asText(), d.name());
                assertTrue(c.at("/resources/limits/memory").isTextual(), d.name() + " has a memory limit");
            }
        }
        // Uploads are spooled under java.io.tmpdir: that must be an emptyDir big enough for the largest package.
        ConfigSurface surface = new ConfigSurface();
        String uploads = surface.productionValue("quarkus.http.body.uploads-directory");
        assertTrue(uploads.startsWith("${java.io.tmpdir}/"), uploads);
        String tmpdir = DockerfilesTest.tmpdir(DEPLOY.resolve("Dockerfile.jvm"));
        assertEquals(tmpdir, DockerfilesTest.tmpdir(DEPLOY.resolve("Dockerfile.native")));
        JsonNode mount = stream(container().path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals(tmpdir))
                .findFirst().orElseThrow(() -> new AssertionError("no volume at " + tmpdir));
        JsonNode volume = stream(gateway().at("/spec/template/spec/volumes"))
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        long sizeLimit = Quantities.bytes(volume.at("/emptyDir/sizeLimit").asText());
        long upload = Quantities.bytes(surface.productionValue("gateway.limits.upload"));
        assertTrue(sizeLimit >= 512L << 20 && sizeLimit >= upload, "the spool holds the largest upload: " + sizeLimit);
        assertTrue(Quantities.bytes(container().at("/resources/limits/ephemeral-storage").asText()) >= sizeLimit);
    }

    @Test
    void requestsFitInsideLimits() {
        JsonNode resources = container().path("resources");
        for (String resource : List.of("cpu", "memory")) {
            assertTrue(Quantities.amount(resources.at("/requests/" + resource).asText())
                    <= Quantities.amount(resources.at("/limits/" + resource).asText()), resource);
        }
    }

    @Test
    void serviceAutoscalerAndDisruptionBudgetSelectTheGatewayPods() {
        JsonNode labels = gateway().at("/spec/template/metadata/labels");
        gateway().at("/spec/selector/matchLabels").fields().forEachRemaining(
                label -> assertEquals(label.getValue(), labels.path(label.getKey()), "the pods carry the selector's labels"));
        Set<String> selectors = Stream.of(
                DeployFiles.kubernetes("Service").stream().filter(d -> d.name().equals("ubiops-gateway"))
                        .map(d -> d.node().at("/spec/selector")),
                DeployFiles.kubernetes("PodDisruptionBudget").stream().map(d -> d.node().at("/spec/selector/matchLabels")))
                .flatMap(s -> s).map(JsonNode::toString).collect(Collectors.toSet());
        assertEquals(Set.of(gateway().at("/spec/selector/matchLabels").toString()), selectors);
        JsonNode hpa = DeployFiles.kubernetes("HorizontalPodAutoscaler").get(0).node();
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals("ubiops-gateway", hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "the budget of one unavailable pod needs two replicas");
        assertTrue(container().at("/resources/requests/cpu").isTextual(), "CPU utilization needs a CPU request");
    }
}
