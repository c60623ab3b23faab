package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's state. Every handler runs on the HTTP server's one event loop, so the state is
 * touched by one thread at a time and needs no locks; callers from other threads go through
 * {@link UbiOpsEmulator}, which hops onto that loop.
 *
 * <p>Objects are kept as their upstream JSON (snake_case), which is what the handlers answer with.
 */
final class Store {

    /** Users of the organization, by id: the only users that can be added to a project. */
    final Map<String, JsonObject> organizationUsers = new LinkedHashMap<>();
    /** The instance types every project may use, in upstream's shape. */
    final List<JsonObject> instanceTypes = new ArrayList<>();
    /** Template deployments, global. */
    final List<JsonObject> templates = new ArrayList<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    String organizationName = "demo-organization";

    Project project(String name) {
        Project project = projects.get(name);
        if (project == null) {
            throw ApiError.notFound("Project");
        }
        return project;
    }

    void clear() {
        organizationUsers.clear();
        instanceTypes.clear();
        templates.clear();
        projects.clear();
    }

    static final class Project {
        JsonObject detail;
        final Map<String, JsonObject> environmentVariables = new LinkedHashMap<>();
        final Map<String, JsonObject> users = new LinkedHashMap<>();
        final List<JsonObject> quotas = new ArrayList<>();
        /** Newest last; listed newest first. */
        final List<JsonObject> audit = new ArrayList<>();
        final List<JsonObject> requests = new ArrayList<>();
        final List<JsonObject> logs = new ArrayList<>();
        /** Credit usage per deployment id and period, as upstream's usage document needs it. */
        final List<JsonObject> usage = new ArrayList<>();
        final Map<String, Deployment> deployments = new LinkedHashMap<>();

        Project(JsonObject detail) {
            this.detail = detail;
        }

        String name() {
            return detail.getString("name");
        }

        Deployment deployment(String name) {
            Deployment deployment = deployments.get(name);
            if (deployment == null) {
                throw ApiError.notFound("Deployment");
            }
            return deployment;
        }

        /** Appends an audit event for an object in this project. */
        void audit(String action, String objectType, String objectName, String event) {
            audit.add(new JsonObject()
                    .put("id", Api.newId())
                    .put("date", Instant.now().toString())
                    .put("action", action)
                    .put("user", "[email protected]")
                    .put("event", event)
                    .put("object_type", objectType)
                    .put("object_name", objectName));
        }
    }

    static final class Deployment {
        JsonObject detail;
        final Map<String, JsonObject> environmentVariables = new LinkedHashMap<>();
        final Map<String, Version> versions = new LinkedHashMap<>();

        Deployment(JsonObject detail) {
            this.detail = detail;
        }

        String name() {
            return detail.getString("name");
        }

        Version version(String name) {
            Version version = versions.get(name);
            if (version == null) {
                throw ApiError.notFound("Version");
            }
            return version;
        }
    }

    static final class Version {
        JsonObject detail;
        final Map<String, JsonObject> environmentVariables = new LinkedHashMap<>();
        /** By revision id, oldest first. */
        final Map<String, Revision> revisions = new LinkedHashMap<>();
        /** By build id. */
        final Map<String, Build> builds = new LinkedHashMap<>();

        Version(JsonObject detail) {
            this.detail = detail;
        }

        String name() {
            return detail.getString("version");
        }
    }

    static final class Revision {
        JsonObject detail;
        /** The deployment package on disk (uploads never sit in the heap); null where there is none. */
        Path file;
        String fileName;

        Revision(JsonObject detail, Path file, String fileName) {
            this.detail = detail;
            this.file = file;
            this.fileName = fileName;
        }
    }

    /** A build; its status follows from its age (queued, then building, then success) unless it was set. */
    static final class Build {
        JsonObject detail;
        final Instant created;
        /** A fixed outcome, e.g. {@code failed} for seeded broken builds; null to follow the clock. */
        String fixedStatus;

        Build(JsonObject detail, Instant created) {
            this.detail = detail;
            this.created = created;
        }
    }
}
