package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Seeded deployments of {@code demo-project}: {@code image-classifier} (v1 default and built, v2 whose latest build
 * failed), {@code text-summarizer} and {@code churn-model}, with revisions (small real zips on disk), builds,
 * variables (a secret, and {@code LOG_LEVEL} shadowing the project's on image-classifier v2), and templates.
 */
final class DeploymentSeed {

    /** A timestamp as upstream's own documents write it (76 seconds), to exercise lenient clients. */
    static final String ODD_TIMESTAMP = "2020-06-22T18:04:76.123754Z";

    private DeploymentSeed() {
    }

    static void load(Store store, EmulatorOptions options, Path files) {
        Store.Project project = store.project(ProjectSeed.DEMO);
        templates(store, files);
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));

        Store.Deployment classifier = deployment(project, "image-classifier", "Classifies images into 1000 classes",
                "structured", "structured",
                new JsonArray().add(field("image", "file", "image_preview")),
                new JsonArray().add(field("label", "string", "textbox")).add(field("confidence", "double", null)),
                new JsonObject().put("team", "vision").put("stage", "production"), "2024-03-01T09:00:00Z");
        Store.Version v1 = version(store, classifier, "v1", "python3-11", new JsonObject().put("stage", "production"),
                "2024-03-01T09:05:00Z");
        revision(v1, files, "image-classifier-v1.zip", "2024-03-01T09:06:00Z", longAgo, null);
        revision(v1, files, "image-classifier-v1.zip", "2024-04-12T14:20:00Z", longAgo, null);
        Store.Version v2 = version(store, classifier, "v2", "python3-12", new JsonObject().put("stage", "canary"),
                "2024-05-02T10:00:00Z");
        v2.detail.put("minimum_instances", 1).put("scaling_strategy", "moderate");
        revision(v2, files, "image-classifier-v2.zip", "2024-05-02T10:01:00Z", longAgo, null);
        revision(v2, files, "image-classifier-v2.zip", "2024-05-20T16:45:00Z", longAgo,
                "Build failed: could not install requirements (torch==9.9.9 not found)");
        variable(classifier.environmentVariables, "MODEL_BUCKET", "s3://models/image-classifier", false);
        variable(classifier.environmentVariables, "MODEL_API_KEY", "sk-classifier-7f3a", true);
        variable(v2.environmentVariables, "LOG_LEVEL", "debug", false);
        variable(v2.environmentVariables, "BATCH_SIZE", "16", false);

        Store.Deployment summarizer = deployment(project, "text-summarizer", "Summarizes English text", "plain",
                "plain", new JsonArray(), new JsonArray(), new JsonObject().put("team", "nlp"), "2024-02-10T08:00:00Z");
        Store.Version summarizerV1 = version(store, summarizer, "v1", "python3-10", new JsonObject(),
                "2024-02-10T08:10:00Z");
        revision(summarizerV1, files, "text-summarizer-v1.zip", "2024-02-10T08:11:00Z", longAgo, null);
        variable(summarizer.environmentVariables, "MAX_TOKENS", "512", false);

        Store.Deployment churn = deployment(project, "churn-model", "Predicts customer churn", "structured",
                "structured",
                new JsonArray().add(field("tenure_months", "int", "numberbox")).add(field("monthly_charges", "double", null))
                        .add(field("contract", "string", "dropdown")),
                new JsonArray().add(field("churn_probability", "double", null)),
                new JsonObject().put("team", "analytics").put("stage", "production"), "2020-05-12T16:23:15.456812Z");
        Store.Version churnV1 = version(store, churn, "v1", "python3-8", new JsonObject(), "2020-05-12T16:23:15.456812Z");
        churnV1.detail.put("last_updated", ODD_TIMESTAMP).put("request_retention_mode", "metadata");
        revision(churnV1, files, "churn-model-v1.zip", ODD_TIMESTAMP, longAgo, null);
        variable(churnV1.environmentVariables, "THRESHOLD", "0.5", false);
    }

    private static void templates(Store store, Path files) {
        template(store, files, "hello-world", "plain", "plain", new JsonArray(), new JsonArray(), "python3-11");
        template(store, files, "scikit-learn-classifier", "structured", "structured",
                new JsonArray().add(field("features", "array_double", null)),
                new JsonArray().add(field("prediction", "int", null)), "python3-11");
        template(store, files, "r-forecast", "structured", "structured",
                new JsonArray().add(field("series", "array_double", null)).add(field("horizon", "int", null)),
                new JsonArray().add(field("forecast", "array_double", null)), "r4-0");
    }

    private static void template(Store store, Path files, String name, String inputType, String outputType,
                                 JsonArray inputFields, JsonArray outputFields, String environment) {
        String id = Api.newId();
        JsonObject labels = new JsonObject().put("template", "True");
        // As the document's example: some numbers of the version are strings.
        store.templates.add(new JsonObject().put("id", id).put("details", new JsonObject()
                .put("name", name).put("input_type", inputType).put("output_type", outputType)
                .put("input_fields", inputFields).put("output_fields", outputFields).put("labels", labels)
                .put("description", "Template: " + name)
                .put("version", new JsonObject().put("name", "v1").put("environment", environment).put("description", "")
                        .put("labels", labels.copy())
                        .put("instance_type_group_id", store.instanceTypes.get(0).getString("id"))
                        .put("maximum_idle_time", "300").put("maximum_instances", "1").put("minimum_instances", "0")
                        .put("request_retention_mode", "full").put("request_retention_time", 604800))));
        writeZip(RevisionRoutes.templateFile(files, id), name);
    }

    private static JsonObject field(String name, String dataType, String widget) {
        return new JsonObject().put("name", name).put("data_type", dataType)
                .put("widget", widget == null ? new JsonObject() : new JsonObject().put("type", widget).put("configuration", new JsonObject()));
    }

    private static Store.Deployment deployment(Store.Project project, String name, String description, String inputType,
                                               String outputType, JsonArray inputFields, JsonArray outputFields,
                                               JsonObject labels, String created) {
        Store.Deployment deployment = new Store.Deployment(new JsonObject().put("id", Api.newId()).put("name", name)
                .put("project", project.name()).put("description", description).put("input_type", inputType)
                .put("output_type", outputType).put("input_fields", inputFields).put("output_fields", outputFields)
                .put("labels", labels).put("creation_date", created).put("last_updated", created)
                .putNull("default_version"));
        project.deployments.put(name, deployment);
        return deployment;
    }

    private static Store.Version version(Store store, Store.Deployment deployment, String name, String environment,
                                         JsonObject labels, String created) {
        JsonObject type = store.instanceTypes.stream().filter(t -> "512mb".equals(t.getString("name"))).findFirst()
                .orElse(store.instanceTypes.get(0));
        Store.Version version = new Store.Version(new JsonObject().put("id", Api.newId())
                .put("deployment", deployment.name()).put("version", name).put("description", "")
                .put("environment", environment).put("environment_display_name", VersionRoutes.displayName(environment))
                .put("instance_type", type.getString("name")).put("instance_type_group_id", type.getString("id"))
                .put("instance_type_group_name", type.getString("name"))
                .put("maximum_instances", 5).put("minimum_instances", 0).put("maximum_idle_time", 300)
                .put("labels", labels).put("creation_date", created).put("last_updated", created)
                .putNull("last_file_upload").put("request_retention_time", 604800).put("request_retention_mode", "full")
                .put("maximum_queue_size_express", 100).put("maximum_queue_size_batch", 100000).put("static_ip", false)
                .put("restart_request_interruption", false).put("ports", new JsonArray())
                .put("scaling_strategy", "default").put("instance_processes", 1));
        deployment.versions.put(name, version);
        if (deployment.detail.getString("default_version") == null) {
            deployment.detail.put("default_version", name);
        }
        return version;
    }

    /** A revision built long ago: successful, or failed with {@code failure} as its message. */
    private static void revision(Store.Version version, Path files, String fileName, String created, Instant built,
                                 String failure) {
        Path file = files.resolve("revision-" + Api.newId() + ".zip");
        writeZip(file, fileName.replace(".zip", ""));
        Store.Revision revision = RevisionRoutes.addRevision(version, file, fileName, RevisionRoutes.USER,
                "Deployment file upload", created, built);
        version.detail.put("last_file_upload", created);
        if (failure != null) {
            Store.Build build = version.builds.get(revision.detail.getString("id"));
            build.fixedStatus = "failed";
            build.detail.put("error_message", failure);
        }
    }

    private static void variable(java.util.Map<String, JsonObject> variables, String name, String value, boolean secret) {
        EnvironmentVariables.create(variables, new JsonObject().put("name", name).put("value", value).put("secret", secret));
    }

    /** A small, real deployment package: {@code deployment.py} and {@code requirements.txt}. */
    private static void writeZip(Path file, String name) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("deployment.py"));
            zip.write(("""
                    class Deployment:
                        \"\"\"%s\"\"\"

                        def __init__(self, base_directory, context):
                            self.context = context

                        def request(self, data):
                            return data
                    """.formatted(name)).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("requirements.txt"));
            zip.write("numpy==1.26.4\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
