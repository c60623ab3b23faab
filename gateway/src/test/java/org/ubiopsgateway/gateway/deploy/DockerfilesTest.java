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

/** The images: multi-stage, non-root, nothing secret inside, one name and tag wherever they are built or run. */
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
    void imagesAreMultiStageNonRootAndCarryNoSecrets() {
        for (Path file : List.of(JVM, NATIVE, EMULATOR)) {
            String text = DeployFiles.text(file);
            List<String> from = DeployFiles.all(Pattern.compile("(?m)^FROM (\\S+)"), text);
            assertEquals(2, from.size(), file + ": a build stage and a runtime stage");
            from.forEach(image -> assertTrue(image.matches(".+:[\\w.-]+"), file + ": pinned tag for " + image));
            List<String> users = DeployFiles.all(Pattern.compile("(?m)^USER (\\S+)"), text);
            String runtimeUser = users.get(users.size() - 1);
            assertFalse(runtimeUser.equals("root") || runtimeUser.equals("0"), file + " runs as " + runtimeUser);
            assertTrue(text.lastIndexOf("USER " + runtimeUser) > text.lastIndexOf("FROM "), file + ": USER in the runtime stage");
            text.lines().filter(l -> l.startsWith("ENV ") || l.startsWith("ARG ") || l.startsWith("COPY ") || l.startsWith("ADD "))
                    .forEach(l -> assertFalse(SECRETISH.matcher(l).find(), file + " bakes in something secret: " + l));
        }
        assertTrue(DeployFiles.text(NATIVE).contains("mandrel-builder-image"), "native images are built with Mandrel");
        assertTrue(DeployFiles.text(NATIVE).contains("-Dquarkus.native.enabled=true"));
        // The build context (the repository root) leaves out build output, the Git history and secrets.
        String ignore = DeployFiles.text(ROOT.resolve(".dockerignore"));
        for (String excluded : List.of("**/target/", ".git/", "deploy/")) {
            assertTrue(ignore.lines().anyMatch(excluded::equals), ".dockerignore leaves out " + excluded);
        }
        assertEquals(String.valueOf(KubernetesManifestsTest.httpPort()),
                DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(JVM)).get(0));
        assertEquals(DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(JVM)),
                DeployFiles.all(Pattern.compile("(?m)^EXPOSE (\\d+)"), DeployFiles.text(NATIVE)));
    }
}
