package org.ubiopsgateway.emulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deployment_versions_*: the versions of a deployment, their settings and their derived state. */
final class VersionRoutes {

    static final String VERSIONS = DeploymentRoutes.DEPLOYMENT + "/versions";
    static final String VERSION = VERSIONS + "/:version";

    private static final Set<String> RETENTION_MODES = Set.of("none", "metadata", "full");
    private static final Set<String> SCALING_STRATEGIES = Set.of("default", "moderate");
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");
    private static final String DEFAULT_ENVIRONMENT = "python3-11";
    private static final String DEFAULT_INSTANCE_TYPE = "512mb";
    /** Fields of DeploymentVersionDetail that DeploymentVersionList does not carry. */
    private static final List<String> DETAIL_ONLY = List.of("instance_type", "instance_type_group_id",
            "instance_type_group_name", "last_file_upload", "has_request_method", "has_requests_method");
    private static final Pattern BASE_ENVIRONMENT = Pattern.compile("(python|r)(\\d+)-(\\d+)(-cuda)?");

    private VersionRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
        api.route(HttpMethod.GET, VERSIONS, "deployment_versions_list", 200, ctx -> list(api, ctx));
        api.route(HttpMethod.POST, VERSIONS, "deployment_versions_create", 201, ctx -> create(api, ctx));
        api.route(HttpMethod.GET, VERSION, "deployment_versions_get", 200, ctx -> {
            Store.Deployment deployment = DeploymentRoutes.deployment(api.store, ctx);
            return view(api.options, deployment, deployment.version(ctx.pathParam("version")));
        });
        api.route(HttpMethod.PATCH, VERSION, "deployment_versions_update", 200, ctx -> update(api, ctx));
        api.route(HttpMethod.DELETE, VERSION, "deployment_versions_delete", 204, ctx -> delete(api.store, emulator, ctx));
    }

    static Store.Version version(Store store, RoutingContext ctx) {
        return DeploymentRoutes.deployment(store, ctx).version(ctx.pathParam("version"));
    }

    private static List<JsonObject> list(Api api, RoutingContext ctx) {
        Store.Deployment deployment = DeploymentRoutes.deployment(api.store, ctx);
        List<Map.Entry<String, String>> filter = DeploymentRoutes.labelFilter(ctx);
        return deployment.versions.values().stream()
                .filter(v -> DeploymentRoutes.matchesLabels(v.detail.getJsonObject("labels"), filter))
                .map(v -> {
                    JsonObject item = view(api.options, deployment, v);
                    DETAIL_ONLY.forEach(item::remove);
                    return item;
                })
                .toList();
    }

    private static JsonObject create(Api api, RoutingContext ctx) {
        Store store = api.store;
        Store.Project project = store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        JsonObject body = Api.body(ctx);
        String name = Api.objectName("version", Api.requiredString(body, "version"));
        String now = Api.now();
        JsonObject detail = new JsonObject()
                .put("id", Api.newId())
                .put("deployment", deployment.name())
                .put("version", name)
                .put("description", "")
                .put("environment", DEFAULT_ENVIRONMENT)
                .put("environment_display_name", displayName(DEFAULT_ENVIRONMENT))
                .put("maximum_instances", 5)
                .put("minimum_instances", 0)
                .put("maximum_idle_time", 300)
                .put("labels", new JsonObject())
                .put("creation_date", now)
                .put("last_updated", now)
                .putNull("last_file_upload")
                .put("request_retention_time", 604800)
                .put("request_retention_mode", "full")
                .put("maximum_queue_size_express", 100)
                .put("maximum_queue_size_batch", 100000)
                .put("static_ip", false)
                .put("restart_request_interruption", false)
                .put("ports", new JsonArray())
                .put("scaling_strategy", "default")
                .put("instance_processes", 1);
        applyInstanceType(detail, instanceTypeByName(store, DEFAULT_INSTANCE_TYPE));
        apply(store, body, detail);
        if (deployment.versions.containsKey(name)) {
            throw ApiError.conflict("A version with name '" + name + "' already exists for this deployment");
        }
        Store.Version version = new Store.Version(detail);
        deployment.versions.put(name, version);
        // "The first version of a deployment is set as default."
        if (deployment.detail.getString("default_version") == null) {
            deployment.detail.put("default_version", name);
        }
        DeploymentRoutes.audit(project, deployment, "create",
                "Created version " + name + " for deployment " + deployment.name());
        return view(api.options, deployment, version);
    }

    private static JsonObject update(Api api, RoutingContext ctx) {
        Store store = api.store;
        Store.Project project = store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        Store.Version version = deployment.version(ctx.pathParam("version"));
        JsonObject body = Api.body(ctx);
        String newName = body.containsKey("version") ? Api.objectName("version", Api.requiredString(body, "version")) : null;
        // "All necessary fields are validated again": work on a copy, keep it only when all is valid.
        JsonObject detail = version.detail.copy();
        apply(store, body, detail);
        if (newName != null && !newName.equals(version.name())) {
            if (deployment.versions.containsKey(newName)) {
                throw ApiError.conflict("A version with name '" + newName + "' already exists for this deployment");
            }
            rename(deployment, version, newName);
            detail.put("version", newName);
        }
        detail.put("last_updated", Api.now());
        version.detail = detail;
        DeploymentRoutes.audit(project, deployment, "update",
                "Updated version " + version.name() + " of deployment " + deployment.name());
        return view(api.options, deployment, version);
    }

    private static void rename(Store.Deployment deployment, Store.Version version, String newName) {
        String oldName = version.name();
        Map<String, Store.Version> reordered = new LinkedHashMap<>();
        deployment.versions.forEach((name, v) -> reordered.put(name.equals(oldName) ? newName : name, v));
        deployment.versions.clear();
        deployment.versions.putAll(reordered);
        if (oldName.equals(deployment.detail.getString("default_version"))) {
            deployment.detail.put("default_version", newName);
        }
        version.revisions.values().forEach(r -> r.detail.put("version", newName));
    }

    /**
     * Deletes a version. The document forbids it only for versions referenced in a pipeline or (default ones) in
     * a request schedule, neither of which the emulator has; so the default version may be deleted, and the
     * deployment then has no default version ("If it does not have a default version, it is not set").
     */
    private static Object delete(Store store, UbiOpsEmulator emulator, RoutingContext ctx) {
        Store.Project project = store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        Store.Version version = deployment.version(ctx.pathParam("version"));
        deployment.versions.remove(version.name());
        if (version.name().equals(deployment.detail.getString("default_version"))) {
            deployment.detail.putNull("default_version");
        }
        RevisionRoutes.deleteFiles(emulator, version);
        DeploymentRoutes.audit(project, deployment, "delete",
                "Deleted version " + version.name() + " of deployment " + deployment.name());
        return null;
    }

    /** Applies the settable fields present in {@code body} onto {@code detail}, validating each and the whole. */
    private static void apply(Store store, JsonObject body, JsonObject detail) {
        String environment = Api.optionalString(body, "environment");
        if (environment != null) {
            if (environment.isBlank()) {
                throw ApiError.badRequest("environment: This field may not be blank.");
            }
            detail.put("environment", environment).put("environment_display_name", displayName(environment));
        }
        String groupId = Api.optionalString(body, "instance_type_group_id");
        String groupName = Api.optionalString(body, "instance_type_group_name");
        String instanceType = Api.optionalString(body, "instance_type"); // deprecated: the group's name
        if (groupId != null) {
            applyInstanceType(detail, store.instanceTypes.stream()
                    .filter(t -> groupId.equals(t.getString("id"))).findFirst()
                    .orElseThrow(() -> ApiError.badRequest("instance_type_group_id: Instance type group was not found")));
        } else if (groupName != null || instanceType != null) {
            String name = groupName != null ? groupName : instanceType;
            JsonObject type = instanceTypeByName(store, name);
            if (type == null) {
                throw ApiError.badRequest((groupName != null ? "instance_type_group_name" : "instance_type")
                        + ": Instance type group '" + name + "' was not found");
            }
            applyInstanceType(detail, type);
        }
        putInt(body, detail, "maximum_instances", 0, Integer.MAX_VALUE);
        putInt(body, detail, "minimum_instances", 0, Integer.MAX_VALUE);
        putInt(body, detail, "maximum_idle_time", 10, 3600);
        putInt(body, detail, "request_retention_time", 0, Integer.MAX_VALUE);
        putInt(body, detail, "maximum_queue_size_express", 0, Integer.MAX_VALUE);
        putInt(body, detail, "maximum_queue_size_batch", 0, Integer.MAX_VALUE);
        putInt(body, detail, "instance_processes", 1, Integer.MAX_VALUE);
        if (detail.getInteger("minimum_instances") > detail.getInteger("maximum_instances")) {
            throw ApiError.badRequest("minimum_instances: The minimum number of instances cannot be greater than the maximum.");
        }
        String mode = Api.optionalString(body, "request_retention_mode");
        if (mode != null) {
            detail.put("request_retention_mode", DeploymentRoutes.enumValue(mode, "request_retention_mode", RETENTION_MODES));
        }
        String strategy = Api.optionalString(body, "scaling_strategy");
        if (strategy != null) {
            detail.put("scaling_strategy", DeploymentRoutes.enumValue(strategy, "scaling_strategy", SCALING_STRATEGIES));
        }
        putBoolean(body, detail, "static_ip");
        putBoolean(body, detail, "restart_request_interruption");
        if (body.containsKey("description")) {
            String description = Api.description(body);
            detail.put("description", description == null ? "" : description);
        }
        JsonObject labels = DeploymentRoutes.labels(body);
        if (labels != null) {
            detail.put("labels", labels); // "the labels will replace the existing value"
        }
        if (body.getValue("ports") != null) {
            detail.put("ports", ports(body.getValue("ports")));
        }
    }

    private static JsonArray ports(Object value) {
        if (!(value instanceof JsonArray list)) {
            throw ApiError.badRequest("ports: Expected a list of items.");
        }
        JsonArray ports = new JsonArray();
        for (Object item : list) {
            if (!(item instanceof JsonObject port)) {
                throw ApiError.badRequest("ports: Each port must be a dictionary.");
            }
            JsonObject checked = new JsonObject();
            for (String field : List.of("public_port", "deployment_port")) {
                Number number = Api.optionalNumber(port, field);
                if (number == null || number.doubleValue() != number.intValue() || number.intValue() < 1
                        || number.intValue() > 65535) {
                    throw ApiError.badRequest("ports." + field + ": A port number between 1 and 65535 is required.");
                }
                checked.put(field, number.intValue());
            }
            checked.put("protocol", DeploymentRoutes.enumValue(Api.requiredString(port, "protocol"), "ports.protocol", PROTOCOLS));
            ports.add(checked);
        }
        return ports;
    }

    private static void putInt(JsonObject body, JsonObject detail, String field, int min, int max) {
        Number number = Api.optionalNumber(body, field);
        if (number == null) {
            return;
        }
        if (number.doubleValue() != number.longValue()) {
            throw ApiError.badRequest(field + ": A valid integer is required.");
        }
        if (number.longValue() < min || number.longValue() > max) {
            throw ApiError.badRequest(field + ": Ensure this value is between " + min + " and " + max + ".");
        }
        detail.put(field, number.intValue());
    }

    private static void putBoolean(JsonObject body, JsonObject detail, String field) {
        Boolean value = Api.optionalBoolean(body, field);
        if (value != null) {
            detail.put(field, value);
        }
    }

    /** Instance type groups are the project's instance types here: one group per type, same id and name. */
    private static JsonObject instanceTypeByName(Store store, String name) {
        return store.instanceTypes.stream().filter(t -> name.equals(t.getString("name"))).findFirst().orElse(null);
    }

    private static void applyInstanceType(JsonObject detail, JsonObject type) {
        if (type == null) {
            // no instance types known (an unseeded emulator): keep upstream's default name, without an id
            detail.put("instance_type", DEFAULT_INSTANCE_TYPE).putNull("instance_type_group_id")
                    .put("instance_type_group_name", DEFAULT_INSTANCE_TYPE);
            return;
        }
        detail.put("instance_type", type.getString("name"))
                .put("instance_type_group_id", type.getString("id"))
                .put("instance_type_group_name", type.getString("name"));
    }

    /** {@code python3-8} → {@code Python 3.8}, {@code r4-0} → {@code R 4.0}; a custom environment keeps its name. */
    static String displayName(String environment) {
        Matcher m = BASE_ENVIRONMENT.matcher(environment);
        if (!m.matches()) {
            return environment;
        }
        String language = m.group(1).equals("python") ? "Python" : "R";
        return language + " " + m.group(2) + "." + m.group(3) + (m.group(4) != null ? " + CUDA" : "");
    }

    // ---- derived state

    /** The version as answered: stored settings plus default flag, status and revisions derived from the rest. */
    static JsonObject view(EmulatorOptions options, Store.Deployment deployment, Store.Version version) {
        Store.Revision latest = RevisionRoutes.latest(version);
        Store.Revision active = RevisionRoutes.active(options, version);
        JsonObject view = version.detail.copy();
        view.put("default", version.name().equals(deployment.detail.getString("default_version")));
        view.put("status", status(options, version));
        view.put("active_revision", active == null ? null : active.detail.getString("id"));
        view.put("latest_revision", latest == null ? null : latest.detail.getString("id"));
        JsonObject latestView = latest == null ? null : RevisionRoutes.view(options, version, latest);
        view.put("has_request_method", latestView == null ? null : latestView.getValue("has_request_method"));
        view.put("has_requests_method", latestView == null ? null : latestView.getValue("has_requests_method"));
        return view;
    }

    /** A version is available once one of its revisions built successfully. */
    static String status(EmulatorOptions options, Store.Version version) {
        return RevisionRoutes.active(options, version) != null ? "available" : "unavailable";
    }
}
