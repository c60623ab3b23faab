package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;

/**
 * The 21 project operations: projects, their users, environment variables, quotas and instance types here;
 * audit, requests, logs, usage and resource counts in {@link ProjectActivityRoutes}.
 */
final class ProjectRoutes {

    private static final String PROJECT = "/projects/:project_name";
    private static final List<String> SUMMARY_FIELDS =
            List.of("id", "name", "creation_date", "advanced_permissions", "organization_name");

    private ProjectRoutes() {
    }

    static void mount(Api api, UbiOpsEmulator emulator) {
        Store store = api.store;
        api.route(GET, "/projects", "projects_list", 200, ctx -> projectsList(store, ctx));
        api.route(POST, "/projects", "projects_create", 201, ctx -> projectsCreate(store, Api.body(ctx)));
        api.route(GET, PROJECT, "projects_get", 200, ctx -> project(store, ctx).detail);
        api.route(PATCH, PROJECT, "projects_update", 200, ctx -> projectsUpdate(store, project(store, ctx), Api.body(ctx)));
        api.route(DELETE, PROJECT, "projects_delete", 204, ctx -> {
            // the deployments, versions and everything else live inside the project and go with it
            store.projects.remove(project(store, ctx).name());
            return null;
        });
        api.route(GET, PROJECT + "/quotas", "quotas_list", 200, ctx -> project(store, ctx).quotas);
        api.route(GET, PROJECT + "/instance-types", "instance_types_list", 200, ctx -> {
            project(store, ctx);
            return store.instanceTypes;
        });

        // user_type (project_users_list) is undocumented beyond its name; every seeded member is a plain user
        api.route(GET, PROJECT + "/users", "project_users_list", 200, ctx -> List.copyOf(project(store, ctx).users.values()));
        api.route(POST, PROJECT + "/users", "project_users_create", 201, ctx -> usersCreate(store, project(store, ctx), Api.body(ctx)));
        api.route(GET, PROJECT + "/users/:user_id", "project_users_get", 200, ctx -> member(project(store, ctx), ctx));
        api.route(DELETE, PROJECT + "/users/:user_id", "project_users_delete", 204, ctx -> {
            Store.Project project = project(store, ctx);
            JsonObject user = member(project, ctx);
            project.users.remove(user.getString("id"));
            project.audit("delete", "user", user.getString("email"), "Removed user " + user.getString("email") + " from project");
            return null;
        });

        String variables = PROJECT + "/environment-variables";
        api.route(GET, variables, "project_environment_variables_list", 200, ctx ->
                project(store, ctx).environmentVariables.values().stream().map(EnvironmentVariables::view).toList());
        api.route(POST, variables, "project_environment_variables_create", 201, ctx -> {
            Store.Project project = project(store, ctx);
            JsonObject created = EnvironmentVariables.create(project.environmentVariables, Api.body(ctx));
            return audited(project, "create", created);
        });
        // The document's example shows a list, its return type a single EnvironmentVariableList: we answer the object.
        api.route(GET, variables + "/:id", "project_environment_variables_get", 200, ctx ->
                EnvironmentVariables.get(project(store, ctx).environmentVariables, ctx.pathParam("id")));
        api.route(PATCH, variables + "/:id", "project_environment_variables_update", 200, ctx -> {
            Store.Project project = project(store, ctx);
            JsonObject updated = EnvironmentVariables.update(project.environmentVariables, ctx.pathParam("id"), Api.body(ctx));
            return audited(project, "update", updated);
        });
        api.route(DELETE, variables + "/:id", "project_environment_variables_delete", 204, ctx -> {
            Store.Project project = project(store, ctx);
            JsonObject variable = EnvironmentVariables.get(project.environmentVariables, ctx.pathParam("id"));
            EnvironmentVariables.delete(project.environmentVariables, variable.getString("id"));
            audited(project, "delete", variable);
            return null;
        });

        ProjectActivityRoutes.mount(api);
    }

    /** A project's full detail, as projects_get answers it. */
    static JsonObject newProject(String name, String organization, String created, boolean advancedPermissions,
                                 Number credits, JsonArray corsOrigins) {
        return new JsonObject()
                .put("id", Api.newId())
                .put("name", name)
                .put("creation_date", created)
                .put("advanced_permissions", advancedPermissions)
                .put("organization_name", organization)
                .put("credits", credits)
                .put("suspended", false)
                .putNull("suspended_reason")
                .put("cors_origins", corsOrigins);
    }

    static Store.Project project(Store store, RoutingContext ctx) {
        return store.project(ctx.pathParam("project_name"));
    }

    private static List<JsonObject> projectsList(Store store, RoutingContext ctx) {
        String organization = ctx.queryParams().get("organization");
        return store.projects.values().stream()
                .map(p -> p.detail)
                .filter(d -> organization == null || organization.equals(d.getString("organization_name")))
                .map(ProjectRoutes::summary)
                .toList();
    }

    private static JsonObject summary(JsonObject detail) {
        JsonObject summary = new JsonObject();
        SUMMARY_FIELDS.forEach(field -> summary.put(field, detail.getValue(field)));
        return summary;
    }

    private static JsonObject projectsCreate(Store store, JsonObject body) {
        String name = Api.objectName("name", Api.requiredString(body, "name"));
        String organization = Api.requiredString(body, "organization_name");
        Boolean advancedPermissions = Api.optionalBoolean(body, "advanced_permissions");
        Number credits = Api.optionalNumber(body, "credits");
        JsonArray corsOrigins = corsOrigins(body);
        // an organization named in the body that does not exist: 404, as for any missing object
        if (!organization.equals(store.organizationName)) {
            throw ApiError.notFound("Organization");
        }
        // names are globally unique; a taken name is a conflict (409) rather than a validation error
        if (store.projects.containsKey(name)) {
            throw ApiError.conflict("A project with name '" + name + "' already exists");
        }
        JsonObject detail = newProject(name, organization, Api.now(), Boolean.TRUE.equals(advancedPermissions), credits,
                corsOrigins == null ? new JsonArray() : corsOrigins);
        Store.Project project = new Store.Project(detail);
        store.projects.put(name, project);
        project.audit("create", "project", name, "Created project " + name);
        return detail;
    }

    private static JsonObject projectsUpdate(Store store, Store.Project project, JsonObject body) {
        String newName = Api.optionalString(body, "name");
        Boolean advancedPermissions = Api.optionalBoolean(body, "advanced_permissions");
        Number credits = Api.optionalNumber(body, "credits");
        Boolean suspend = Api.optionalBoolean(body, "suspend");
        JsonArray corsOrigins = corsOrigins(body);
        String oldName = project.name();
        if (newName != null && !newName.equals(oldName)) {
            Api.objectName("name", newName);
            if (store.projects.containsKey(newName)) {
                throw ApiError.conflict("A project with name '" + newName + "' already exists");
            }
        }
        JsonObject detail = project.detail;
        if (advancedPermissions != null) {
            detail.put("advanced_permissions", advancedPermissions);
        }
        if (body.containsKey("credits")) {
            detail.put("credits", credits); // an explicit null lifts the limit
        }
        if (suspend != null) {
            detail.put("suspended", suspend).put("suspended_reason", suspend ? "Suspended by a project admin" : null);
        }
        if (corsOrigins != null) {
            detail.put("cors_origins", corsOrigins);
        }
        if (newName != null && !newName.equals(oldName)) {
            store.projects.remove(oldName);
            detail.put("name", newName);
            store.projects.put(newName, project);
        }
        project.audit("update", "project", project.name(), "Updated project " + project.name());
        return detail;
    }

    private static JsonArray corsOrigins(JsonObject body) {
        Object value = body.getValue("cors_origins");
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonArray origins) || origins.stream().anyMatch(o -> !(o instanceof String))) {
            throw ApiError.badRequest("cors_origins: Expected a list of strings.");
        }
        return origins.copy();
    }

    private static JsonObject usersCreate(Store store, Store.Project project, JsonObject body) {
        String userId = Api.requiredString(body, "user_id");
        JsonObject user = store.organizationUsers.get(userId);
        // only users of the organization can join its projects; anyone else does not exist here (404)
        if (user == null) {
            throw ApiError.notFound("User");
        }
        if (project.users.containsKey(userId)) {
            throw ApiError.conflict("User is already a member of this project");
        }
        project.users.put(userId, user);
        project.audit("create", "user", user.getString("email"), "Added user " + user.getString("email") + " to project");
        return user;
    }

    private static JsonObject member(Store.Project project, RoutingContext ctx) {
        JsonObject user = project.users.get(ctx.pathParam("user_id"));
        if (user == null) {
            throw ApiError.notFound("User");
        }
        return user;
    }

    private static JsonObject audited(Store.Project project, String action, JsonObject variable) {
        String name = variable.getString("name");
        String verb = switch (action) {
            case "create" -> "Created";
            case "update" -> "Updated";
            default -> "Deleted";
        };
        project.audit(action, "environment_variable", name, verb + " environment variable " + name);
        return variable;
    }
}
