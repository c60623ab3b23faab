package org.ubiopsgateway.gateway.deploy;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.DEPLOY;
import static org.ubiopsgateway.gateway.deploy.DeployFiles.ROOT;

/** The images: the host-built application on a pinned base, non-root, nothing secret inside, one name and tag everywhere. */
@QuarkusTest
class DockerfilesTest {

    static final Path JVM = DEPLOY.resolve("Dockerfile.jvm");
    static final Path NATIVE = DEPLOY.resolve("Dockerfile.native");
    static final Path EMULATOR = DEPLOY.resolve("Dockerfile.emulator");

    private static final String OPERATIONS = "docs/operations.md";
    private static final Pattern BUILD_TAG = Pattern.compile("docker build -f deploy/(Dockerfile\\.\\w+) -t (\\S+) \\.");
    private static final Pattern SECRETISH = Pattern.compile("(?i)(TOKEN|SECRET|PASSWORD|PRIVATE|\\.pem|test-keys)");

    static String version() {
        return ConfigProvider.getConfig().getValue("quarkus.application.version", String.class);
    }

    /** The gateway's image in each of its forms: the name and tag docs/operations.md and the Dockerfile headers build. */
    static Map<String, String> builtImages() {
        return DeployFiles.files("Dockerfile.jvm", "Dockerfile.native", "Dockerfile.emulator").stream()
                .collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                    List<String> tags = DeployFiles.all(Pattern.compile("docker build -f deploy/" + Pattern.quote(
                            p.getFileName().toString()) + " -t (\\S+) \\."), DeployFiles.text(p));
                    assertEquals(1, tags.size(), p + " names its build command in its header");
                    return tags.get(0);
                }));
    }

    /** The directory the image's JVM or native executable uses as java.io.tmpdir. */
    static String tmpdir(Path dockerfile) {
        List<String> found = DeployFiles.all(Pattern.compile("-Djava\\.io\\.tmpdir=([^\\s\"]+)"), DeployFiles.text(dockerfile));
        assertEquals(1, found.size(), dockerfile + " sets java.io.tmpdir once");
        return found.get(0);
    }

    @Test
    void imagesAreNamedAndTaggedAlikeEverywhere() {
        Map<String, String> images = builtImages();
        assertEquals(Map.of("Dockerfile.jvm", "ubiops-gateway:" + version(),
                "Dockerfile.native", "ubiops-gateway:" + version() + "-native",
                "Dockerfile.emulator", "ubiops-emulator:" + version()), images);
        // docs/operations.md builds exactly what the Dockerfiles say.
        Set<String> readme = DeployFiles.all(BUILD_TAG, DeployFiles.text(ROOT.resolve(OPERATIONS))).stream()
                .collect(Collectors.toSet());
        assertEquals(images.keySet(), readme, "docs/operations.md names each Dockerfile's build");
        BUILD_TAG.matcher(DeployFiles.text(ROOT.resolve(OPERATIONS))).results()
                .forEach(m -> assertEquals(images.get(m.group(1)), m.group(2), "docs/operations.md builds " + m.group(1)));
        // The title label is the image's name.
        images.forEach((file, image) -> assertTrue(DeployFiles.text(DEPLOY.resolve(file))
                .contains("org.opencontainers.image.title=\"" + image.substring(0, image.indexOf(':')) + "\""), file));
        // Kubernetes runs the JVM image; the overlay renames that same image.
        assertEquals(images.get("Dockerfile.jvm"), KubernetesManifestsTest.container().path("image").asText());
        DeployFiles.yamlDocuments().stream().filter(d -> d.kind().equals("Kustomization"))
                .flatMap(d -> DeployFiles.stream(d.node().path("images")))
                .forEach(i -> assertEquals("ubiops-gateway", i.path("name").asText()));
        // Compose runs what it builds, with the same names.
        var services = DeployFiles.yaml("compose.yaml").path("services");
        assertEquals(images.get("Dockerfile.jvm"), services.at("/gateway/image").asText());
        assertEquals("deploy/Dockerfile.jvm", services.at("/gateway/build/dockerfile").asText());
        assertEquals(images.get("Dockerfile.emulator"), services.at("/emulator/image").asText());
        assertEquals("deploy/Dockerfile.emulator", services.at("/emulator/build/dockerfile").asText());
    }

    @Test
    void imagesCopyOnlyTheHostBuiltApplicationOntoAPinnedBase() {
        for (Path file : List.of(JVM, NATIVE, EMULATOR)) {
            String text = DeployFiles.text(file);
            List<String> from = DeployFiles.all(Pattern.compile("(?m)^FROM (\\S+)"), text);
            assertFalse(from.isEmpty(), file.toString());
            from.forEach(image -> assertEquals("${RUNTIME_IMAGE}", image, file + ": on the base its build argument names"));
            assertTrue(runtimeImage(file).matches(".+:[\\w.-]+"), file + ": pinned tag for " + runtimeImage(file));
            // Nothing is built or downloaded inside: the image copies what the host packaged, so a build works offline.
            assertFalse(Pattern.compile("(?m)^RUN .*(mvnw|mvn |curl|wget|dnf|yum|apt-get|apk |pip )").matcher(text).find(), file.toString());
            List<String> sources = DeployFiles.all(Pattern.compile("(?m)^(?:COPY|ADD) (?!.*--from=)(?:--\\S+ )*(\\S+) "), text);
            assertFalse(sources.isEmpty(), file.toString());
            sources.forEach(source -> assertTrue(source.matches("(gateway|ubiops-emulator)/target/.+"),
                    file + " copies " + source + ", which is not packaged application output"));
        }
        assertEquals(runtimeImage(JVM), runtimeImage(EMULATOR), "the local stack needs one base image");
        assertTrue(runtimeImage(JVM).contains("openjdk-25-runtime"), "the JVM image runs Java 25 (AOT cache)");
        assertTrue(DeployFiles.text(NATIVE).contains("-Dquarkus.native.enabled=true"), "the header builds the executable");
        // The build context (the repository root) holds only the packaged applications: no sources, keys or history.
        List<String> rules = DeployFiles.text(ROOT.resolve(".dockerignore")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("*", rules.get(0), ".dockerignore leaves out everything first");
        rules.subList(1, rules.size()).forEach(rule -> assertTrue(rule.matches("!(gateway|ubiops-emulator)/target/.+"), rule));
    }

    @Test
    void imagesRunAsTheManifestsUserAndCarryNoSecrets() {
        String podUser = KubernetesManifestsTest.gateway().at("/spec/template/spec/securityContext/runAsUser").asText();
        for (Path file : List.of(JVM, NATIVE, EMULATOR)) {
            String text = DeployFiles.text(file);
            List<String> users = DeployFiles.all(Pattern.compile("(?m)^USER (\\S+)"), text);
            // A build step may need root (the JVM image's training writes its class cache beside root-owned code);
            // what the container runs as is the last USER.
            assertFalse(users.isEmpty(), file + " names its user");
            assertEquals(podUser, users.get(users.size() - 1), file + " runs as the Deployment's non-root user");
            text.lines().filter(l -> l.startsWith("ENV ") || l.startsWith("ARG ") || l.startsWith("COPY ") || l.startsWith("ADD "))
                    .forEach(l -> assertFalse(SECRETISH.matcher(l).find(), file + " bakes in something secret: " + l));
        }
        assertEquals(String.valueOf(KubernetesManifestsTest.httpPort()),
                DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(JVM)).get(0));
        assertEquals(DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(JVM)),
                DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(NATIVE)));
    }

    /** The default of the Dockerfile's RUNTIME_IMAGE build argument: its base image. */
    static String runtimeImage(Path dockerfile) {
        List<String> found = DeployFiles.all(Pattern.compile("(?m)^ARG RUNTIME_IMAGE=(\\S+)"), DeployFiles.text(dockerfile));
        assertEquals(1, found.size(), dockerfile + " defaults its base once");
        return found.get(0);
    }
}
