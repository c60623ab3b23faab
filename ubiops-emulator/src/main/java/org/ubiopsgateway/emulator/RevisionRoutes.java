package org.ubiopsgateway.emulator;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * revisions_* and builds_get: deployment packages (kept on disk, never in the heap) and their builds, whose status
 * follows the clock: {@code queued}, then {@code building}, then {@code success} (unless pinned, e.g. {@code failed}).
 */
final class RevisionRoutes {

    static final String REVISIONS = VersionRoutes.VERSION + "/revisions";
    static final String REVISION = REVISIONS + "/:revision_id";
    static final String BUILD = VersionRoutes.VERSION + "/builds/:build_id";
    /** The user behind the token, as the project audit names it. */
    static final String USER = "[email protected]";

    private RevisionRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
        api.route(HttpMethod.GET, REVISIONS, "revisions_list", 200, ctx -> {
            Store.Version version = VersionRoutes.version(api.store, ctx);
            return version.revisions.values().stream().map(r -> view(api.options, version, r)).toList();
        });
        api.rawRoute(HttpMethod.POST, REVISIONS, "revisions_file_upload", ctx -> upload(api, emulator, ctx));
        api.route(HttpMethod.GET, REVISION, "revisions_get", 200, ctx -> {
            Store.Version version = VersionRoutes.version(api.store, ctx);
            return view(api.options, version, revision(version, ctx));
        });
        api.rawRoute(HttpMethod.GET, REVISION + "/download", "revisions_file_download", ctx -> download(api.store, ctx));
        // A rebuild creates a build: 201, as the other creating POSTs.
        api.route(HttpMethod.POST, REVISION + "/rebuild", "revisions_rebuild", 201, ctx -> rebuild(api, ctx));
        api.route(HttpMethod.GET, BUILD, "builds_get", 200, ctx -> {
            Store.Version version = VersionRoutes.version(api.store, ctx);
            Store.Build build = version.builds.get(ctx.pathParam("build_id"));
            if (build == null) {
                throw ApiError.notFound("Build");
            }
            return view(api.options, build);
        });
    }

    // ---- upload

    /**
     * Either {@code file}, or {@code source_deployment} and {@code source_version} together, or
     * {@code template_deployment_id}; anything else is a 400. The package is moved (an upload) or copied (a
     * source or template) on disk before the answer.
     */
    private static void upload(Api api, UbiOpsEmulator emulator, RoutingContext ctx) {
        Store.Project project = api.store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        Store.Version version = deployment.version(ctx.pathParam("version"));
        FileUpload file = ctx.fileUploads().stream().filter(f -> "file".equals(f.name())).findFirst().orElse(null);
        String sourceDeployment = formValue(ctx, "source_deployment");
        String sourceVersion = formValue(ctx, "source_version");
        String templateId = formValue(ctx, "template_deployment_id");
        if ((sourceDeployment == null) != (sourceVersion == null)) {
            throw ApiError.badRequest("source_deployment and source_version must be provided together");
        }
        int sources = (file != null ? 1 : 0) + (sourceDeployment != null ? 1 : 0) + (templateId != null ? 1 : 0);
        if (sources == 0) {
            throw ApiError.badRequest("Either file or source_deployment and source_version must be provided");
        }
        if (sources > 1) {
            // The document offers the three as alternatives; a request naming two is ambiguous, so it is refused.
            throw ApiError.badRequest("Provide only one of file, source_deployment and source_version, or template_deployment_id");
        }
        Path target = emulator.uploads().resolve("revision-" + Api.newId() + ".zip");
        var fs = emulator.vertx().fileSystem();
        Future<Void> stored;
        String fileName;
        String trigger;
        if (file != null) {
            stored = fs.move(file.uploadedFileName(), target.toString());
            fileName = file.fileName() == null || file.fileName().isBlank() ? "deployment.zip" : file.fileName();
            trigger = "Deployment file upload";
        } else if (sourceDeployment != null) {
            Store.Version source = project.deployment(sourceDeployment).version(sourceVersion);
            Store.Revision from = packageOf(api.options, source);
            stored = fs.copy(from.file.toString(), target.toString());
            fileName = from.fileName;
            trigger = "Deployment file copy";
        } else {
            JsonObject template = api.store.templates.stream().filter(t -> templateId.equals(t.getString("id")))
                    .findFirst().orElseThrow(() -> ApiError.notFound("Template deployment"));
            stored = fs.copy(templateFile(emulator.uploads(), templateId).toString(), target.toString());
            fileName = template.getJsonObject("details").getString("name") + ".zip";
            trigger = "Template deployment";
        }
        stored.onSuccess(done -> {
            Store.Revision revision = addRevision(version, target, fileName, USER, trigger, Api.now(), Instant.now());
            version.detail.put("last_file_upload", revision.detail.getString("creation_date"));
            DeploymentRoutes.audit(project, deployment, "create", "Created revision for version " + version.name()
                    + " of deployment " + deployment.name() + " (" + trigger.toLowerCase() + ")");
            String id = revision.detail.getString("id");
            // `build` is deprecated and documented as "UUID of the created revision": the first build shares it.
            Api.json(ctx, 201, new JsonObject().put("success", true).put("revision", id).put("build", id));
        }).onFailure(e -> Api.error(ctx, 500, "The deployment file could not be stored"));
    }

    private static String formValue(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The package a copy takes from a source version: its active revision's, else its newest one with a file. */
    private static Store.Revision packageOf(EmulatorOptions options, Store.Version source) {
        Store.Revision active = active(options, source);
        if (active != null && active.file != null) {
            return active;
        }
        List<Store.Revision> revisions = new ArrayList<>(source.revisions.values());
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).file != null) {
                return revisions.get(i);
            }
        }
        throw ApiError.badRequest("The source version has no deployment file");
    }

    /** Where a template's package lives: written by the seed next to the uploads. */
    static Path templateFile(Path files, String templateId) {
        return files.resolve("template-" + templateId + ".zip");
    }

    /** Adds a revision with its first build, which shares the revision's id (see the upload's answer). */
    static Store.Revision addRevision(Store.Version version, Path file, String fileName, String createdBy,
                                      String trigger, String creationDate, Instant buildCreated) {
        String id = Api.newId();
        Store.Revision revision = new Store.Revision(new JsonObject()
                .put("id", id)
                .put("version", version.name())
                .put("creation_date", creationDate)
                .put("created_by", createdBy), file, fileName);
        version.revisions.put(id, revision);
        addBuild(version, id, id, trigger, creationDate, buildCreated);
        return revision;
    }

    static Store.Build addBuild(Store.Version version, String buildId, String revisionId, String trigger,
                                String creationDate, Instant created) {
        Store.Build build = new Store.Build(new JsonObject()
                .put("id", buildId)
                .put("revision", revisionId)
                .put("creation_date", creationDate)
                .put("trigger", trigger), created);
        version.builds.put(buildId, build);
        return build;
    }

    // ---- download, rebuild

    private static void download(Store store, RoutingContext ctx) {
        Store.Version version = VersionRoutes.version(store, ctx);
        Store.Revision revision = revision(version, ctx);
        if (revision.file == null) {
            throw ApiError.notFound("Deployment file");
        }
        String name = revision.fileName.replaceAll("[\"\\\\\\p{Cntrl}]", "_");
        Api.answer(ctx, () -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/zip")
                .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .sendFile(revision.file.toString())
                .onFailure(e -> Api.error(ctx, 404, "Deployment file was not found")));
    }

    private static JsonObject rebuild(Api api, RoutingContext ctx) {
        Store.Project project = api.store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        Store.Version version = deployment.version(ctx.pathParam("version"));
        Store.Revision revision = revision(version, ctx);
        Api.optionalBody(ctx); // documented as a JSON object (the SDK sends {}); anything else is a 400
        addBuild(version, Api.newId(), revision.detail.getString("id"), "Rebuild", Api.now(), Instant.now());
        DeploymentRoutes.audit(project, deployment, "info", "Triggered a rebuild of a revision of version "
                + version.name() + " of deployment " + deployment.name());
        return view(api.options, version, revision);
    }

    private static Store.Revision revision(Store.Version version, RoutingContext ctx) {
        Store.Revision revision = version.revisions.get(ctx.pathParam("revision_id"));
        if (revision == null) {
            throw ApiError.notFound("Revision");
        }
        return revision;
    }

    // ---- derived state

    static String status(EmulatorOptions options, Store.Build build) {
        if (build.fixedStatus != null) {
            return build.fixedStatus;
        }
        Duration age = Duration.between(build.created, Instant.now());
        if (age.compareTo(options.buildQueued()) < 0) {
            return "queued";
        }
        return age.compareTo(options.buildQueued().plus(options.buildBuilding())) < 0 ? "building" : "success";
    }

    static JsonObject view(EmulatorOptions options, Store.Build build) {
        return withOutcome(build.detail.copy(), status(options, build), build.detail.getString("error_message"));
    }

    /** A revision as answered: its status and outcome are those of its newest build. */
    static JsonObject view(EmulatorOptions options, Store.Version version, Store.Revision revision) {
        Store.Build build = newestBuild(version, revision);
        JsonObject view = revision.detail.copy();
        return build == null ? withOutcome(view, "queued", null)
                : withOutcome(view, status(options, build), build.detail.getString("error_message"));
    }

    private static JsonObject withOutcome(JsonObject view, String status, String failure) {
        boolean success = "success".equals(status);
        return view.put("status", status)
                .put("error_message", "failed".equals(status) ? (failure == null ? "Build failed" : failure) : "")
                .put("has_request_method", success ? Boolean.TRUE : null)
                .put("has_requests_method", success ? Boolean.FALSE : null);
    }

    private static Store.Build newestBuild(Store.Version version, Store.Revision revision) {
        String id = revision.detail.getString("id");
        Store.Build newest = null;
        for (Store.Build build : version.builds.values()) {
            if (id.equals(build.detail.getString("revision"))) {
                newest = build;
            }
        }
        return newest;
    }

    static Store.Revision latest(Store.Version version) {
        Store.Revision latest = null;
        for (Store.Revision revision : version.revisions.values()) {
            latest = revision;
        }
        return latest;
    }

    /** The newest revision whose newest build succeeded. */
    static Store.Revision active(EmulatorOptions options, Store.Version version) {
        Store.Revision active = null;
        for (Store.Revision revision : version.revisions.values()) {
            Store.Build build = newestBuild(version, revision);
            if (build != null && "success".equals(status(options, build))) {
                active = revision;
            }
        }
        return active;
    }

    /** Removes a deleted version's packages from disk, in the background. */
    static void deleteFiles(UbiOpsEmulator emulator, Store.Version version) {
        version.revisions.values().stream().filter(r -> r.file != null)
                .forEach(r -> emulator.vertx().fileSystem().delete(r.file.toString()));
    }
}
