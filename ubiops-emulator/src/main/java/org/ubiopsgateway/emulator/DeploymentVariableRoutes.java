package org.ubiopsgateway.emulator;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Environment variables of deployments and versions (the rules are {@link EnvironmentVariables}'), their lists with
 * inherited variables, and the copy operations.
 */
final class DeploymentVariableRoutes {

    private DeploymentVariableRoutes() {
    }

    /** One level of variables: where they live, what owns them, and how an event on it reads. */
    private record Level(Store.Project project, Store.Deployment deployment, Store.Version version) {
        Map<String, JsonObject> variables() {
            return version != null ? version.environmentVariables : deployment.environmentVariables;
        }

        String describe() {
            return version != null ? "version " + version.name() + " of deployment " + deployment.name()
                    : "deployment " + deployment.name();
        }

        void audit(String action, String event) {
            DeploymentRoutes.audit(project, deployment, action, event + " for " + describe());
        }
    }

    static void mount(Api api) {
        mountLevel(api, DeploymentRoutes.DEPLOYMENT, "deployment_environment_variables",
                "deployment_environment_variables_copy", (store, ctx) -> {
                    Store.Project project = store.project(ctx.pathParam("project_name"));
                    return new Level(project, project.deployment(ctx.pathParam("deployment_name")), null);
                });
        mountLevel(api, VersionRoutes.VERSION, "deployment_version_environment_variables",
                "deployment_version_environment_variables_copy", (store, ctx) -> {
                    Store.Project project = store.project(ctx.pathParam("project_name"));
                    Store.Deployment deployment = project.deployment(ctx.pathParam("deployment_name"));
                    return new Level(project, deployment, deployment.version(ctx.pathParam("version")));
                });
    }

    private static void mountLevel(Api api, String owner, String operation, String copyOperation,
                                   BiFunction<Store, RoutingContext, Level> level) {
        String list = owner + "/environment-variables";
        String one = list + "/:id";
        api.route(HttpMethod.GET, list, operation + "_list", 200, ctx -> inherited(level.apply(api.store, ctx)));
        api.route(HttpMethod.POST, list, operation + "_create", 201, ctx -> {
            Level at = level.apply(api.store, ctx);
            JsonObject created = EnvironmentVariables.create(at.variables(), Api.body(ctx));
            at.audit("create", "Created environment variable " + created.getString("name"));
            return created;
        });
        api.route(HttpMethod.GET, one, operation + "_get", 200,
                ctx -> EnvironmentVariables.get(level.apply(api.store, ctx).variables(), ctx.pathParam("id")));
        api.route(HttpMethod.PATCH, one, operation + "_update", 200, ctx -> {
            Level at = level.apply(api.store, ctx);
            JsonObject updated = EnvironmentVariables.update(at.variables(), ctx.pathParam("id"), Api.body(ctx));
            at.audit("update", "Updated environment variable " + updated.getString("name"));
            return updated;
        });
        api.route(HttpMethod.DELETE, one, operation + "_delete", 204, ctx -> {
            Level at = level.apply(api.store, ctx);
            JsonObject deleted = at.variables().get(ctx.pathParam("id"));
            EnvironmentVariables.delete(at.variables(), ctx.pathParam("id"));
            at.audit("delete", "Deleted environment variable " + deleted.getString("name"));
            return null;
        });
        // The document does not give the status; the copy creates variables, so 201 as the other creates.
        api.route(HttpMethod.POST, owner + "/copy-environment-variables", copyOperation, 201,
                ctx -> copy(level.apply(api.store, ctx), Api.body(ctx)));
    }

    /**
     * The level's own variables, then those of the levels above it (deployment, then project) whose names are not
     * already taken: a variable defined lower down shadows an inherited one of the same name, which is not listed.
     */
    private static List<JsonObject> inherited(Level at) {
        List<JsonObject> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        addLevel(result, names, at.variables(), null, null);
        if (at.version() != null) {
            addLevel(result, names, at.deployment().environmentVariables, "deployment", at.deployment().name());
        }
        addLevel(result, names, at.project().environmentVariables, "project", at.project().name());
        return result;
    }

    private static void addLevel(List<JsonObject> result, Set<String> names, Map<String, JsonObject> variables,
                                 String inheritanceType, String inheritanceName) {
        for (JsonObject variable : variables.values()) {
            if (names.add(variable.getString("name"))) {
                result.add(EnvironmentVariables.view(variable)
                        .put("inheritance_type", inheritanceType).put("inheritance_name", inheritanceName));
            }
        }
    }

    /**
     * Copies the source deployment's (or, with {@code source_version}, that version's) own variables to this level:
     * a same-named variable here is overwritten with the source's value and keeps its id; secrets stay secret (a
     * secret target stays secret, a secret source makes the copy secret) and keep their values. Only the copied
     * variables are answered, with null inheritance fields.
     */
    private static List<JsonObject> copy(Level at, JsonObject body) {
        String sourceDeployment = Api.requiredString(body, "source_deployment");
        String sourceVersion = Api.optionalString(body, "source_version");
        Store.Deployment deployment = at.project().deployment(sourceDeployment);
        Map<String, JsonObject> source = sourceVersion == null ? deployment.environmentVariables
                : deployment.version(sourceVersion).environmentVariables;
        Map<String, JsonObject> target = at.variables();
        List<JsonObject> copied = new ArrayList<>();
        for (JsonObject variable : List.copyOf(source.values())) {
            String name = variable.getString("name");
            JsonObject existing = target.values().stream().filter(v -> v.getString("name").equals(name))
                    .findFirst().orElse(null);
            JsonObject change = new JsonObject().put("name", name).put("value", variable.getString("value"))
                    .put("secret", variable.getBoolean("secret") || (existing != null && existing.getBoolean("secret")));
            JsonObject result = existing == null ? EnvironmentVariables.create(target, change)
                    : EnvironmentVariables.update(target, existing.getString("id"), change);
            copied.add(result.put("inheritance_type", null).put("inheritance_name", null));
        }
        at.audit("create", "Copied environment variables from " + (sourceVersion == null
                ? "deployment " + sourceDeployment : "version " + sourceVersion + " of deployment " + sourceDeployment));
        return copied;
    }
}
