package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * deploy/k8s as a cluster would receive it: the base and every overlay rendered by {@code kubectl kustomize} (the
 * kustomize built into kubectl; {@code KUBECTL} names another binary). Overlays render from a copy in which each
 * git-ignored env file of a secret generator is its committed {@code .example}.
 */
final class Kustomize {

    private static final Path K8S = DeployFiles.DEPLOY.resolve("k8s");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static List<Rendering> all;

    /** The objects one kustomization renders to. */
    record Rendering(String target, List<JsonNode> objects) {

        boolean overlay() {
            return target.startsWith("overlays/");
        }

        List<JsonNode> kind(String kind) {
            return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        }

        JsonNode named(String kind, String name) {
            return kind(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(target + " renders no " + kind + " " + name));
        }

        JsonNode gateway() {
            List<JsonNode> gateways = kind("Deployment").stream()
                    .filter(d -> d.at("/metadata/name").asText().equals("ubiops-gateway")).toList();
            assertEquals(1, gateways.size(), target + " renders one gateway Deployment");
            return gateways.get(0);
        }

        JsonNode container() {
            return gateway().at("/spec/template/spec/containers/0");
        }

        @Override
        public String toString() {
            return target;
        }
    }

    private Kustomize() {
    }

    /** The base first, then every overlay. */
    static synchronized List<Rendering> all() {
        if (all == null) {
            List<Rendering> renderings = new ArrayList<>();
            renderings.add(render("base"));
            try (Stream<Path> overlays = Files.list(K8S.resolve("overlays"))) {
                overlays.filter(Files::isDirectory).sorted().forEach(o -> renderings.add(render("overlays/" + o.getFileName())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all = List.copyOf(renderings);
        }
        return all;
    }

    static Rendering base() {
        return all().get(0);
    }

    static Stream<Rendering> overlays() {
        return all().stream().filter(Rendering::overlay);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static Rendering render(String target) {
        try {
            Path copy = Files.createTempDirectory("k8s");
            try (Stream<Path> files = Files.walk(K8S)) {
                for (Path file : files.toList()) {
                    Path to = copy.resolve(K8S.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                        String name = to.getFileName().toString();
                        Path filledIn = to.resolveSibling(name.replaceFirst("\\.example$", ""));
                        if (name.endsWith(".example") && !Files.exists(filledIn)) {
                            Files.copy(file, filledIn);
                        }
                    }
                }
            }
            String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", copy.resolve(target).toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("rendering deploy/k8s needs kubectl (with its built-in kustomize) on the PATH", e);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize deploy/k8s/" + target + " fails:\n" + output);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(output)) {
                YAML.readValues(parser, JsonNode.class).readAll().stream()
                        .filter(node -> node != null && node.isObject()).forEach(objects::add);
            }
            delete(copy);
            return new Rendering(target, List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
