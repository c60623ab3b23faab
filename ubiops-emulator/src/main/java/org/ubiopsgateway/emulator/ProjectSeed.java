package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded organization, projects and their project-level objects: {@code demo-project} with users, variables,
 * quotas, audit, requests, logs and usage referring to the deployments {@link DeploymentSeed} creates, and
 * a nearly empty {@code sandbox}. Fixed random seed, so every reset gives the same data (ids aside).
 */
final class ProjectSeed {

    static final String DEMO = "demo-project";
    static final String SANDBOX = "sandbox";
    /** Deployment and version names as both seeds agree on them. */
    private static final List<String[]> DEPLOYMENT_VERSIONS = List.of(
            new String[] {"image-classifier", "v1"}, new String[] {"image-classifier", "v2"},
            new String[] {"text-summarizer", "v1"}, new String[] {"churn-model", "v1"});
    private static final String[] LOG_LINES = {
            "[Info] Loading model weights", "[Info] Request received", "[Info] Prediction result 0.14981",
            "[Info] Request completed in 182 ms", "[Error] Input field 'image' could not be decoded",
            "[Info] Deployment instance started", "[Info] Scaling up to 2 instances"};

    private ProjectSeed() {
    }

    static void load(Store store, EmulatorOptions options, Path files) {
        store.organizationName = "demo-organization";
        seedUsers(store);
        seedInstanceTypes(store);
        Random random = new Random(42);
        Instant now = Instant.now();

        Store.Project demo = project(store, DEMO, "2023-03-14T09:12:44.000+00:00", 10000);
        demo.users.put(USERS[0][0], store.organizationUsers.get(USERS[0][0]));
        demo.users.put(USERS[1][0], store.organizationUsers.get(USERS[1][0]));
        demo.users.put(USERS[2][0], store.organizationUsers.get(USERS[2][0]));
        EnvironmentVariables.create(demo.environmentVariables,
                new JsonObject().put("name", "LOG_LEVEL").put("value", "info").put("secret", false));
        EnvironmentVariables.create(demo.environmentVariables,
                new JsonObject().put("name", "DATABASE_PASSWORD").put("value", "s3cr3t-demo").put("secret", true));
        quotas(demo);
        seedAudit(demo, now);
        seedRequests(demo, now, random);
        seedLogs(demo, now, random);
        seedUsage(demo, now);

        Store.Project sandbox = project(store, SANDBOX, "2024-01-08T15:30:00.000+00:00", null);
        sandbox.users.put(USERS[0][0], store.organizationUsers.get(USERS[0][0]));
        quotas(sandbox);
        sandbox.audit("create", "project", SANDBOX, "Created project " + SANDBOX);
    }

    /** id, email, name, surname. The last two belong to the organization but to no project. */
    static final String[][] USERS = {
            {"5e3b2a0c-1c4f-4d7e-9a61-0f7b2d8c9e01", "[email protected]", "Ada", "Admin"},
            {"7a1d9e44-6b2c-4f85-8c3e-2d4b6f8a0c12", "[email protected]", "Dirk", "Developer"},
            {"9c4e7f10-3a5b-4c6d-8e9f-1a2b3c4d5e23", "[email protected]", "Vera", "Viewer"},
            {"b2f6a8c0-4d1e-4a3b-9c5d-6e7f8a9b0c34", "[email protected]", "Olga", "Ops"},
            {"d4a8c2e6-5f1b-4e3d-8a7c-9b0d1e2f3a45", "[email protected]", "Ivan", "Intern"}};

    private static void seedUsers(Store store) {
        for (String[] user : USERS) {
            store.organizationUsers.put(user[0], new JsonObject()
                    .put("id", user[0]).put("email", user[1]).put("name", user[2]).put("surname", user[3]));
        }
    }

    private static void seedInstanceTypes(Store store) {
        store.instanceTypes.add(instanceType("abe2e406-fae5-4bcf-a3bc-956d756e4ecb", "512mb", "512 MB", 512, 0.125, 0, 2048, 0.5));
        store.instanceTypes.add(instanceType("2f4c8a1e-7b3d-4e6f-9a2c-5d8e1f4a7b01", "1024mb", "1024 MB", 1024, 0.25, 0, 4096, 1));
        store.instanceTypes.add(instanceType("3a5d9b2f-8c4e-4f70-8b3d-6e9f2a5b8c02", "2048mb", "2048 MB", 2048, 0.5, 0, 8192, 2));
        store.instanceTypes.add(instanceType("4b6eac30-9d5f-4081-9c4e-7fa03b6c9d03", "4096mb", "4096 MB", 4096, 1.0, 0, 16384, 4));
        store.instanceTypes.add(instanceType("5c7fbd41-ae60-4192-ad5f-80b14c7dae04", "16384mb-t4", "16 GB + T4 GPU", 16384, 4.0, 1, 65536, 25));
    }

    private static JsonObject instanceType(String id, String name, String displayName, int memory, double cpu, int gpu,
                                           int storage, double creditRate) {
        return new JsonObject().put("id", id).put("name", name).put("display_name", displayName)
                .put("memory_allocation", memory).put("cpu_allocation", cpu).put("gpu_allocation", gpu)
                .put("storage_allocation", storage).put("credit_rate", creditRate);
    }

    private static Store.Project project(Store store, String name, String created, Integer credits) {
        Store.Project project = new Store.Project(ProjectRoutes.newProject(name, store.organizationName, created,
                false, credits, new JsonArray()));
        store.projects.put(name, project);
        return project;
    }

    private static void quotas(Store.Project project) {
        project.quotas.add(new JsonObject().put("resource", "memory_standard").put("quota", 274877906944L));
        project.quotas.add(new JsonObject().put("resource", "cpu_standard").put("quota", 62));
        project.quotas.add(new JsonObject().put("resource", "gpu_standard").put("quota", 0));
        project.quotas.add(new JsonObject().put("resource", "gpu_t4").put("quota", 2));
    }

    private static void seedAudit(Store.Project demo, Instant now) {
        String[][] events = {
                {"create", "project", DEMO, "Created project " + DEMO},
                {"create", "environment_variable", "LOG_LEVEL", "Created environment variable LOG_LEVEL"},
                {"create", "environment_variable", "DATABASE_PASSWORD", "Created environment variable DATABASE_PASSWORD"},
                {"create", "deployment", "image-classifier", "Created deployment image-classifier"},
                {"create", "deployment_version", "v1", "Created version v1 of deployment image-classifier"},
                {"create", "deployment", "text-summarizer", "Created deployment text-summarizer"},
                {"create", "deployment", "churn-model", "Created deployment churn-model"},
                {"update", "deployment_version", "v1", "Updated version v1 of deployment churn-model"},
                {"create", "deployment_version", "v2", "Created version v2 of deployment image-classifier"},
                {"info", "deployment_version", "v2", "Build of version v2 of deployment image-classifier failed"},
                {"update", "project", DEMO, "Updated project " + DEMO},
                {"delete", "deployment", "", "Deleted deployment old-model"}};
        for (int i = 0; i < events.length; i++) {
            demo.audit(events[i][0], events[i][1], events[i][2], events[i][3]);
            // spread the seeded history over the past days, oldest first
            demo.audit.get(i).put("date", iso(now.minus((events.length - i) * 7L, ChronoUnit.HOURS)));
        }
    }

    private static void seedRequests(Store.Project demo, Instant now, Random random) {
        String[] statuses = {"completed", "completed", "completed", "failed", "processing", "pending", "cancelled"};
        for (int i = 0; i < 40; i++) {
            String[] target = DEPLOYMENT_VERSIONS.get(i % DEPLOYMENT_VERSIONS.size());
            String status = statuses[random.nextInt(statuses.length)];
            Instant created = now.minus(30L * (40 - i) + random.nextInt(20), ChronoUnit.MINUTES);
            boolean finished = status.equals("completed") || status.equals("failed") || status.equals("cancelled");
            demo.requests.add(request(uuid(random), target[0], null, target[1], status,
                    finished ? status.equals("completed") : null, created,
                    status.equals("pending") ? null : created.plusMillis(200 + random.nextInt(800)),
                    finished ? created.plusMillis(1200 + random.nextInt(4000)) : null,
                    i % 5 == 0 ? "nightly-batch" : null, i % 4 == 0, random));
        }
        for (int i = 0; i < 4; i++) {
            Instant created = now.minus(90L * (4 - i), ChronoUnit.MINUTES);
            demo.requests.add(request(uuid(random), null, "preprocess-and-classify", "v1",
                    "completed", true, created, created.plusMillis(300), created.plusMillis(2500), null, false, random));
        }
    }

    private static JsonObject request(String id, String deployment, String pipeline, String version, String status,
                                      Boolean success, Instant created, Instant started, Instant completed,
                                      String schedule, boolean partOfPipeline, Random random) {
        return new JsonObject().put("id", id).put("deployment", deployment).put("pipeline", pipeline)
                .put("version", version).put("status", status).put("success", success)
                .put("time_created", iso(created))
                .put("time_started", started == null ? null : iso(started))
                .put("time_completed", completed == null ? null : iso(completed))
                .put("input_size", 200 + random.nextInt(5000))
                .put("output_size", status.equals("completed") ? 50 + random.nextInt(2000) : null)
                // filter-only facts, not in upstream's answer (stripped when listing)
                .put("request_schedule", schedule).put("origin_pipeline", partOfPipeline);
    }

    private static void seedLogs(Store.Project demo, Instant now, Random random) {
        String firstRevision = uuid(random);
        for (int i = 0; i < 36; i++) {
            String[] target = DEPLOYMENT_VERSIONS.get(random.nextInt(DEPLOYMENT_VERSIONS.size()));
            String line = LOG_LINES[random.nextInt(LOG_LINES.length)];
            boolean system = line.contains("instance") || line.contains("Scaling");
            JsonObject log = new JsonObject()
                    .put("id", logId(random))
                    .put("date", iso(now.minus(10L * (36 - i) + random.nextInt(8), ChronoUnit.MINUTES)))
                    .put("log", line)
                    .put("deployment_name", target[0])
                    .put("deployment_version", target[1])
                    .put("system", system)
                    .put("level", line.startsWith("[Error]") ? "error" : "info");
            if (target[0].equals("image-classifier") && target[1].equals("v1")) {
                log.put("deployment_version_revision_id", firstRevision);
            }
            if (!system && i % 3 == 0 && !demo.requests.isEmpty()) {
                log.put("deployment_request_id", demo.requests.get(i).getString("id"));
            }
            demo.logs.add(log);
        }
        // a log line from a pipeline, for the pipeline filters
        demo.logs.add(new JsonObject().put("id", logId(random)).put("date", iso(now.minus(5, ChronoUnit.MINUTES)))
                .put("log", "[Info] Deployment call result (success): 0.2316")
                .put("deployment_name", "image-classifier").put("deployment_version", "v1")
                .put("pipeline_name", "preprocess-and-classify").put("pipeline_version", "v1")
                .put("pipeline_object_name", "image-classifier-v1-object")
                .put("system", false).put("level", "info"));
    }

    /** Per deployment name and month: the credits used. A deployment no longer present counts as deleted. */
    private static void seedUsage(Store.Project demo, Instant now) {
        LocalDate month = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        String[] deployments = {"image-classifier", "text-summarizer", "churn-model", "old-model"};
        double[] monthly = {412.5, 128.0, 64.25, 20.0};
        for (int back = 0; back < 3; back++) {
            LocalDate start = month.minusMonths(back);
            for (int d = 0; d < deployments.length; d++) {
                demo.usage.add(new JsonObject().put("deployment_name", deployments[d])
                        .put("start_date", start.toString()).put("value", monthly[d] * (1 - back * 0.2)));
            }
        }
    }

    /** A 24-hex-character log id, like upstream's (a Mongo object id). */
    private static String logId(Random random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** Repeatable UUIDs from the seed's random source. */
    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
