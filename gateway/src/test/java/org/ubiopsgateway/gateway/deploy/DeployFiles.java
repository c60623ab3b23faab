package org.ubiopsgateway.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files of {@code deploy/}, parsed: every YAML document, the dashboard, the Dockerfiles. */
final class DeployFiles {

    /** Tests run in {@code gateway/}; the repository root is one up. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One YAML document of one file. */
    record Document(Path file, JsonNode node) {

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }
    }

    private DeployFiles() {
    }

    static List<Path> files(String... extensions) {
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(extensions).anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every YAML file under {@code deploy/}; a file that does not parse fails the caller. */
    static List<Document> yamlDocuments() {
        List<Document> documents = new ArrayList<>();
        for (Path file : files(".yaml", ".yml")) {
            try (var parser = new YAMLFactory().createParser(file.toFile())) {
                YAML.readValues(parser, JsonNode.class).readAll().stream()
                        .filter(node -> node != null && !node.isMissingNode() && !node.isNull())
                        .forEach(node -> documents.add(new Document(file, node)));
            } catch (IOException e) {
                throw new AssertionError(DEPLOY.relativize(file) + " is not valid YAML: " + e.getMessage(), e);
            }
        }
        return documents;
    }

    static JsonNode yaml(String relative) {
        try {
            return YAML.readTree(DEPLOY.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(DEPLOY.relativize(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first group of every match of {@code pattern} in {@code text}. */
    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
