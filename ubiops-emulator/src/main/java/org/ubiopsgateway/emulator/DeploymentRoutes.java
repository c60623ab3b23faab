package org.ubiopsgateway.emulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deployment operations (deployments_*, deployment_audit_events_list, template_deployments_list), and the
 * helpers the version, revision and variable routes share. The 30 operations are mounted from here.
 */
final class DeploymentRoutes {

    static final String DEPLOYMENTS = "/projects/:project_name/deployments";
    static final String DEPLOYMENT = DEPLOYMENTS + "/:deployment_name";

    private static final Set<String> IO_TYPES = Set.of("structured", "plain");
    private static final Set<String> DATA_TYPES = Set.of("int", "string", "double", "bool", "dict", "file",
            "array_int", "array_double", "array_string", "array_file");
    private static final Set<String> INPUT_WIDGETS = Set.of("textbox", "numberbox", "slider", "dropdown", "switch",
            "button", "drawer", "image_preview");
    private static final Set<String> OUTPUT_WIDGETS = Set.of("textbox", "button", "image_preview");
    private static final Set<String> AUDIT_ACTIONS = Set.of("create", "update", "delete", "info");

    private DeploymentRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
        api.route(HttpMethod.GET, DEPLOYMENTS, "deployments_list", 200, ctx -> list(api.store, ctx));
        api.route(HttpMethod.POST, DEPLOYMENTS, "deployments_create", 201, ctx -> create(api.store, ctx));
        api.route(HttpMethod.GET, DEPLOYMENT, "deployments_get", 200, ctx -> detail(deployment(api.store, ctx)));
        api.route(HttpMethod.PATCH, DEPLOYMENT, "deployments_update", 200, ctx -> update(api, ctx));
        api.route(HttpMethod.DELETE, DEPLOYMENT, "deployments_delete", 204, ctx -> delete(api.store, emulator, ctx));
        api.route(HttpMethod.GET, DEPLOYMENT + "/audit", "deployment_audit_events_list", 200, ctx -> audit(api.store, ctx));
        api.route(HttpMethod.GET, "/template-deployments", "template_deployments_list", 200, ctx -> api.store.templates);
        DeploymentVariableRoutes.mount(api);
        VersionRoutes.mount(api, emulator);
        RevisionRoutes.mount(api, emulator);
    }

    // ---- deployments

    private static List<JsonObject> list(Store store, RoutingContext ctx) {
        Store.Project project = store.project(ctx.pathParam("project_name"));
        List<Map.Entry<String, String>> filter = labelFilter(ctx);
        return project.deployments.values().stream()
                .filter(d -> matchesLabels(d.detail.getJsonObject("labels"), filter))
                .map(d -> {
                    JsonObject item = d.detail.copy();
                    item.remove("default_version"); // not part of DeploymentList
                    return item;
                })
                .toList();
    }

    private static JsonObject create(Store store, RoutingContext ctx) {
        Store.Project project = store.project(ctx.pathParam("project_name"));
        JsonObject body = Api.body(ctx);
        String name = Api.objectName("name", Api.requiredString(body, "name"));
        String inputType = enumValue(Api.requiredString(body, "input_type"), "input_type", IO_TYPES);
        String outputType = enumValue(Api.requiredString(body, "output_type"), "output_type", IO_TYPES);
        JsonArray inputFields = fields(body, "input_fields", inputType, INPUT_WIDGETS);
        JsonArray outputFields = fields(body, "output_fields", outputType, OUTPUT_WIDGETS);
        String description = Api.description(body);
        JsonObject labels = labels(body);
        if (project.deployments.containsKey(name)) {
            // The document names no status for a duplicate; 409 is what NOTES.md gives for conflicts.
            throw ApiError.conflict("A deployment with name '" + name + "' already exists in this project");
        }
        String now = Api.now();
        JsonObject detail = new JsonObject()
                .put("id", Api.newId())
                .put("name", name)
                .put("project", project.name())
                .put("description", description == null ? "" : description)
                .put("input_type", inputType)
                .put("output_type", outputType)
                .put("input_fields", inputFields)
                .put("output_fields", outputFields)
                .put("labels", labels == null ? new JsonObject() : labels)
                .put("creation_date", now)
                .put("last_updated", now)
                .putNull("default_version");
        project.deployments.put(name, new Store.Deployment(detail));
        project.audit("create", "deployment", name, "Created deployment " + name);
        JsonObject created = detail.copy();
        created.remove("default_version"); // DeploymentCreateResponse has no default_version
        return created;
    }

    static JsonObject detail(Store.Deployment deployment) {
        return deployment.detail.copy();
    }

    private static JsonObject update(Api api, RoutingContext ctx) {
        Store.Project project = api.store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        JsonObject body = Api.body(ctx);
        JsonObject detail = deployment.detail;
        String newName = body.containsKey("name") ? Api.objectName("name", Api.requiredString(body, "name")) : null;
        String description = Api.description(body);
        JsonObject labels = labels(body);
        String defaultVersion = Api.optionalString(body, "default_version");
        if (defaultVersion != null) {
            Store.Version version = deployment.versions.get(defaultVersion);
            if (version == null) {
                throw ApiError.badRequest("default_version: Version '" + defaultVersion + "' does not exist");
            }
            // "Only available versions can be assigned as default."
            if (!"available".equals(VersionRoutes.status(api.options, version))) {
                throw ApiError.badRequest("default_version: Only available versions can be assigned as default");
            }
        }
        JsonArray inputFields = body.containsKey("input_fields")
                ? fields(body, "input_fields", detail.getString("input_type"), INPUT_WIDGETS) : null;
        JsonArray outputFields = body.containsKey("output_fields")
                ? fields(body, "output_fields", detail.getString("output_type"), OUTPUT_WIDGETS) : null;
        if (newName != null && !newName.equals(deployment.name())) {
            if (project.deployments.containsKey(newName)) {
                throw ApiError.conflict("A deployment with name '" + newName + "' already exists in this project");
            }
            rename(project, deployment, newName);
        }
        if (description != null) {
            detail.put("description", description);
        }
        if (labels != null) {
            detail.put("labels", labels);
        }
        if (defaultVersion != null) {
            detail.put("default_version", defaultVersion);
        }
        if (inputFields != null) {
            detail.put("input_fields", inputFields);
        }
        if (outputFields != null) {
            detail.put("output_fields", outputFields);
        }
        detail.put("last_updated", Api.now());
        project.audit("update", "deployment", deployment.name(), "Updated deployment " + deployment.name());
        return detail(deployment);
    }

    /** Re-keys the deployment under its new name, keeping the project's order, and tells its versions. */
    private static void rename(Store.Project project, Store.Deployment deployment, String newName) {
        String oldName = deployment.name();
        Map<String, Store.Deployment> reordered = new LinkedHashMap<>();
        project.deployments.forEach((name, d) -> reordered.put(name.equals(oldName) ? newName : name, d));
        project.deployments.clear();
        project.deployments.putAll(reordered);
        deployment.detail.put("name", newName);
        deployment.versions.values().forEach(v -> v.detail.put("deployment", newName));
    }

    private static Object delete(Store store, UbiOpsEmulator emulator, RoutingContext ctx) {
        Store.Project project = store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        project.deployments.remove(deployment.name());
        deployment.versions.values().forEach(v -> RevisionRoutes.deleteFiles(emulator, v));
        project.audit("delete", "deployment", deployment.name(), "Deleted deployment " + deployment.name());
        return null;
    }

    // ---- audit

    /**
     * Events of the deployment and everything in it. As in the document's examples, events on versions, variables
     * and revisions are recorded with {@code object_type: deployment} and the deployment's name.
     */
    private static List<JsonObject> audit(Store store, RoutingContext ctx) {
        Store.Project project = store.project(ctx.pathParam("project_name"));
        Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
        String action = ctx.queryParams().get("action");
        if (action != null && !action.isEmpty()) {
            enumValue(action, "action", AUDIT_ACTIONS);
        }
        int limit = Api.intQuery(ctx, "limit", 50, 1);
        int offset = Api.intQuery(ctx, "offset", 0, 0);
        List<JsonObject> events = new ArrayList<>();
        for (int i = project.audit.size() - 1; i >= 0; i--) {
            JsonObject event = project.audit.get(i);
            if ("deployment".equals(event.getString("object_type"))
                    && deployment.name().equals(event.getString("object_name"))
                    && (action == null || action.isEmpty() || action.equals(event.getString("action")))) {
                events.add(event);
            }
        }
        return Api.page(events, limit, offset);
    }

    /** Records an event on a deployment or anything in it (see {@link #audit(Store, RoutingContext)}). */
    static void audit(Store.Project project, Store.Deployment deployment, String action, String event) {
        project.audit(action, "deployment", deployment.name(), event);
    }

    // ---- shared helpers

    static Store.Deployment deployment(Store store, RoutingContext ctx) {
        return store.project(ctx.pathParam("project_name")).deployment(ctx.pathParam("deployment_name"));
    }

    static String enumValue(String value, String field, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiError.badRequest(field + ": \"" + value + "\" is not a valid choice. Choose from "
                    + allowed.stream().sorted().toList() + ".");
        }
        return value;
    }

    /** The {@code labels} of a body: an object of string values, or null when absent. */
    static JsonObject labels(JsonObject body) {
        Object value = body.getValue("labels");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject labels)) {
            throw ApiError.badRequest("labels: Expected a dictionary of items.");
        }
        for (String key : labels.fieldNames()) {
            if (key.isEmpty() || !(labels.getValue(key) instanceof String)) {
                throw ApiError.badRequest("labels: Label keys and values must be strings.");
            }
        }
        return labels.copy();
    }

    /** The {@code labels} query filter, {@code key:value,key2:value2}; empty when absent. */
    static List<Map.Entry<String, String>> labelFilter(RoutingContext ctx) {
        String raw = ctx.queryParams().get("labels");
        List<Map.Entry<String, String>> filter = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return filter;
        }
        for (String pair : raw.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw ApiError.badRequest("labels: Should be given in the format 'label:label_value'.");
            }
            filter.add(Map.entry(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip()));
        }
        return filter;
    }

    /** The document: objects "that have at least one of the labels on which is filtered, are returned". */
    static boolean matchesLabels(JsonObject labels, List<Map.Entry<String, String>> filter) {
        return filter.isEmpty() || filter.stream()
                .anyMatch(e -> labels != null && e.getValue().equals(labels.getValue(e.getKey())));
    }

    /**
     * Input or output fields: required for a structured type, absent or empty for a plain one; each with a unique
     * {@code name}, a documented {@code data_type} and optionally a {@code widget} of a documented type.
     */
    private static JsonArray fields(JsonObject body, String field, String type, Set<String> widgets) {
        Object value = body.getValue(field);
        if (value == null) {
            if ("structured".equals(type)) {
                throw ApiError.badRequest(field + ": This field is required for the structured type.");
            }
            return new JsonArray();
        }
        if (!(value instanceof JsonArray list)) {
            throw ApiError.badRequest(field + ": Expected a list of items.");
        }
        if ("plain".equals(type) && !list.isEmpty()) {
            throw ApiError.badRequest(field + ": Fields cannot be given for the plain type.");
        }
        JsonArray result = new JsonArray();
        Set<String> names = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof JsonObject f)) {
                throw ApiError.badRequest(field + ": Each field must be a dictionary.");
            }
            String name = Api.requiredString(f, "name");
            if (name.isBlank() || !names.add(name)) {
                throw ApiError.badRequest(field + ": Field names must be non-empty and unique, '" + name + "' is not.");
            }
            String dataType = enumValue(Api.requiredString(f, "data_type"), field + ".data_type", DATA_TYPES);
            result.add(new JsonObject().put("name", name).put("data_type", dataType).put("widget", widget(f, field, widgets)));
        }
        return result;
    }

    private static JsonObject widget(JsonObject fieldSpec, String field, Set<String> widgets) {
        Object value = fieldSpec.getValue("widget");
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject widget)) {
            throw ApiError.badRequest(field + ".widget: Expected a dictionary.");
        }
        if (widget.isEmpty()) {
            return widget;
        }
        enumValue(Api.requiredString(widget, "type"), field + ".widget.type", widgets);
        Object configuration = widget.getValue("configuration");
        if (configuration != null && !(configuration instanceof JsonObject)) {
            throw ApiError.badRequest(field + ".widget.configuration: Expected a dictionary.");
        }
        return widget.copy();
    }
}
