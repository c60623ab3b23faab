package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ubiopsgateway.gateway.deploy.DeployFiles.Document;
import org.ubiopsgateway.gateway.deploy.Kustomize.Rendering;
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

/**
 * deploy/k8s against the running gateway: ports, probes, environment, file system, resources, wiring. The checks run
 * on what {@code kubectl kustomize} renders, for the base and for every overlay.
 */
@QuarkusTest
class KubernetesManifestsTest {

    /** The base's gateway Deployment, which the other deploy tests compare with. */
    static JsonNode gateway() {
        return Kustomize.base().gateway();
    }

    static JsonNode container() {
        return Kustomize.base().container();
    }

    /** The port the production gateway listens on (tests listen on a random one). */
    static int httpPort() {
        return Integer.parseInt(new ConfigSurface().productionValue("quarkus.http.port"));
    }

    static List<Rendering> renderings() {
        return Kustomize.all();
    }

    static Stream<Rendering> overlays() {
        return Kustomize.overlays();
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

    @ParameterizedTest
    @MethodSource("renderings")
    void portsMatchTheGateway(Rendering r) {
        JsonNode port = r.container().at("/ports/0");
        assertEquals(httpPort(), port.path("containerPort").asInt());
        assertEquals(String.valueOf(httpPort()), r.gateway().at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
        assertEquals("/q/metrics", r.gateway().at("/spec/template/metadata/annotations/prometheus.io~1path").asText());
        JsonNode service = r.named("Service", "ubiops-gateway");
        assertEquals(port.path("name").asText(), service.at("/spec/ports/0/targetPort").asText());
        assertEquals(httpPort(), service.at("/spec/ports/0/port").asInt(), "consumers call http://ubiops-gateway:" + httpPort());
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void probesAskTheRightHealthEndpointsWithoutAToken(Rendering r) {
        JsonNode c = r.container();
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

    @ParameterizedTest
    @MethodSource("renderings")
    void everyEnvironmentVariableIsOneTheGatewayReads(Rendering r) {
        ConfigSurface surface = new ConfigSurface();
        Set<String> names = new TreeSet<>();
        stream(r.container().path("env")).map(e -> e.path("name").asText()).forEach(names::add);
        stream(r.container().path("envFrom")).map(e -> e.at("/configMapRef/name").asText()).filter(n -> !n.isEmpty())
                .forEach(n -> r.named("ConfigMap", n).path("data").fieldNames().forEachRemaining(names::add));
        DeployFiles.files(".env.example").forEach(f -> DeployFiles.text(f).lines()
                .filter(l -> l.contains("=") && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')))
                .forEach(names::add));
        assertTrue(names.contains("UBIOPS_API_TOKEN") && names.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION"), names.toString());
        List<String> unknown = names.stream().filter(n -> surface.readFrom(n).isEmpty()).toList();
        assertEquals(List.of(), unknown, "environment variables in deploy/k8s/" + r + " the gateway never reads");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theTokenComesFromTheSecretTheOverlayGenerates(Rendering r) {
        JsonNode ref = stream(r.container().path("env")).filter(e -> e.path("name").asText().equals("UBIOPS_API_TOKEN"))
                .findFirst().orElseThrow().at("/valueFrom/secretKeyRef");
        JsonNode secret = r.named("Secret", ref.path("name").asText());
        assertTrue(secret.path("data").has(ref.path("key").asText()), "the generated secret holds " + ref);
        String example = DeployFiles.files(".env.example").stream().filter(f -> f.startsWith(DEPLOY.resolve("k8s/" + r)))
                .map(DeployFiles::text).collect(Collectors.joining("\n"));
        assertTrue(example.contains(ref.path("key").asText() + "="), "the overlay's example env file names " + ref);
        assertTrue(DeployFiles.text(DeployFiles.ROOT.resolve(".gitignore")).contains("deploy/k8s/overlays/*/secrets.env"),
                "filled-in secrets.env files are never committed");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferenceInAnOverlayResolvesInOneNamespace(Rendering r) {
        for (JsonNode deployment : r.kind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            pod.findValues("configMapRef").forEach(ref -> r.named("ConfigMap", ref.path("name").asText()));
            pod.findValues("secretKeyRef").forEach(ref -> assertTrue(r.named("Secret", ref.path("name").asText())
                    .path("data").has(ref.path("key").asText()), ref.toString()));
            stream(pod.path("volumes")).forEach(v -> assertTrue(v.has("emptyDir"), "volume " + v + " needs nothing else"));
        }
        // Every Service reaches pods of a rendered Deployment on a port they name.
        for (JsonNode service : r.kind("Service")) {
            JsonNode pods = r.kind("Deployment").stream().filter(d -> selects(service.at("/spec/selector"), d))
                    .findFirst().orElseThrow(() -> new AssertionError("Service " + service.at("/metadata/name") + " selects no pods"))
                    .at("/spec/template/spec/containers");
            stream(service.at("/spec/ports")).forEach(p -> assertTrue(pods.findValues("ports").stream()
                    .flatMap(DeployFiles::stream).anyMatch(cp -> cp.path("name").asText().equals(p.path("targetPort").asText())),
                    "Service port " + p));
        }
        // A redis:// setting names a rendered Service and one of its ports.
        r.kind("ConfigMap").stream().flatMap(c -> stream(c.path("data")).map(JsonNode::asText))
                .filter(v -> v.startsWith("redis://")).forEach(url -> {
                    String[] hostPort = url.substring("redis://".length()).split("[/:]");
                    assertTrue(stream(r.named("Service", hostPort[0]).at("/spec/ports"))
                            .anyMatch(p -> p.path("port").asText().equals(hostPort[1])), url);
                });
        Set<String> namespaces = r.objects().stream().filter(o -> !o.path("kind").asText().equals("Namespace"))
                .map(o -> o.at("/metadata/namespace").asText()).collect(Collectors.toSet());
        assertEquals(1, namespaces.size(), r + " puts everything in one namespace: " + namespaces);
        r.kind("Namespace").forEach(n -> assertEquals(namespaces, Set.of(n.at("/metadata/name").asText())));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void containersRunAsNonRootOnAReadOnlyFileSystemWithAWritableTmp(Rendering r) {
        for (JsonNode d : r.kind("Deployment")) {
            String name = r + " " + d.at("/metadata/name").asText();
            JsonNode pod = d.at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name);
            for (JsonNode c : pod.path("containers")) {
                JsonNode security = c.path("securityContext");
                assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name);
                assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name);
                assertEquals("ALL", security.at("/capabilities/drop/0").asText(), name);
                assertTrue(c.at("/resources/limits/memory").isTextual(), name + " has a memory limit");
            }
        }
        // Uploads are spooled under java.io.tmpdir: that must be an emptyDir big enough for the largest package.
        ConfigSurface surface = new ConfigSurface();
        String uploads = surface.productionValue("quarkus.http.body.uploads-directory");
        assertTrue(uploads.startsWith("${java.io.tmpdir}/"), uploads);
        String tmpdir = DockerfilesTest.tmpdir(DEPLOY.resolve("Dockerfile.jvm"));
        assertEquals(tmpdir, DockerfilesTest.tmpdir(DEPLOY.resolve("Dockerfile.native")));
        JsonNode mount = stream(r.container().path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals(tmpdir))
                .findFirst().orElseThrow(() -> new AssertionError("no volume at " + tmpdir));
        JsonNode volume = stream(r.gateway().at("/spec/template/spec/volumes"))
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow();
        long sizeLimit = Quantities.bytes(volume.at("/emptyDir/sizeLimit").asText());
        long upload = Quantities.bytes(surface.productionValue("gateway.limits.upload"));
        assertTrue(sizeLimit >= 512L << 20 && sizeLimit >= upload, "the spool holds the largest upload: " + sizeLimit);
        assertTrue(Quantities.bytes(r.container().at("/resources/limits/ephemeral-storage").asText()) >= sizeLimit);
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void requestsFitInsideLimits(Rendering r) {
        JsonNode resources = r.container().path("resources");
        for (String resource : List.of("cpu", "memory")) {
            assertTrue(Quantities.amount(resources.at("/requests/" + resource).asText())
                    <= Quantities.amount(resources.at("/limits/" + resource).asText()), resource);
        }
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void serviceAutoscalerAndDisruptionBudgetSelectTheGatewayPods(Rendering r) {
        JsonNode gateway = r.gateway();
        JsonNode labels = gateway.at("/spec/template/metadata/labels");
        gateway.at("/spec/selector/matchLabels").fields().forEachRemaining(
                label -> assertEquals(label.getValue(), labels.path(label.getKey()), "the pods carry the selector's labels"));
        Set<String> selectors = Stream.concat(Stream.of(r.named("Service", "ubiops-gateway").at("/spec/selector")),
                        r.kind("PodDisruptionBudget").stream().map(d -> d.at("/spec/selector/matchLabels")))
                .map(JsonNode::toString).collect(Collectors.toSet());
        assertEquals(Set.of(gateway.at("/spec/selector/matchLabels").toString()), selectors);
        JsonNode hpa = r.kind("HorizontalPodAutoscaler").get(0);
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(gateway.at("/metadata/name").asText(), hpa.at("/spec/scaleTargetRef/name").asText());
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "the budget of one unavailable pod needs two replicas");
        assertTrue(r.container().at("/resources/requests/cpu").isTextual(), "CPU utilization needs a CPU request");
    }

    /** Whether a Service's selector matches the pod labels of a Deployment. */
    private static boolean selects(JsonNode selector, JsonNode deployment) {
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        List<Map.Entry<String, JsonNode>> wanted = new java.util.ArrayList<>();
        selector.fields().forEachRemaining(wanted::add);
        return !wanted.isEmpty() && wanted.stream().allMatch(e -> labels.path(e.getKey()).equals(e.getValue()));
    }
}
