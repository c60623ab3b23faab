package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * The rules every level of environment variables shares (project, deployment, version): name pattern,
 * required fields, unique names per level, secrets answered with {@code value: null} and never turned
 * back into plain variables.
 */
final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    static JsonObject create(Map<String, JsonObject> variables, JsonObject body) {
        String name = Api.variableName(Api.requiredString(body, "name"));
        String value = Api.requiredString(body, "value");
        Boolean secret = Api.optionalBoolean(body, "secret");
        if (variables.values().stream().anyMatch(v -> v.getString("name").equals(name))) {
            throw ApiError.badRequest("An environment variable with this name already exists");
        }
        JsonObject stored = new JsonObject()
                .put("id", Api.newId())
                .put("name", name)
                .put("value", value)
                .put("secret", Boolean.TRUE.equals(secret));
        variables.put(stored.getString("id"), stored);
        return view(stored);
    }

    static JsonObject get(Map<String, JsonObject> variables, String id) {
        return view(stored(variables, id));
    }

    static JsonObject update(Map<String, JsonObject> variables, String id, JsonObject body) {
        JsonObject stored = stored(variables, id);
        String name = Api.variableName(Api.requiredString(body, "name"));
        String value = Api.requiredString(body, "value");
        Boolean secret = Api.optionalBoolean(body, "secret");
        if (variables.values().stream().anyMatch(v -> v != stored && v.getString("name").equals(name))) {
            throw ApiError.badRequest("An environment variable with this name already exists");
        }
        if (stored.getBoolean("secret") && Boolean.FALSE.equals(secret)) {
            throw ApiError.badRequest("secret: A secret environment variable cannot be made non-secret");
        }
        stored.put("name", name).put("value", value)
                .put("secret", stored.getBoolean("secret") || Boolean.TRUE.equals(secret));
        return view(stored);
    }

    static void delete(Map<String, JsonObject> variables, String id) {
        if (variables.remove(id) == null) {
            throw ApiError.notFound("Environment variable");
        }
    }

    /** What the API answers for a stored variable: secrets without their value. */
    static JsonObject view(JsonObject stored) {
        JsonObject view = stored.copy();
        if (view.getBoolean("secret")) {
            view.putNull("value");
        }
        return view;
    }

    private static JsonObject stored(Map<String, JsonObject> variables, String id) {
        JsonObject stored = variables.get(id);
        if (stored == null) {
            throw ApiError.notFound("Environment variable");
        }
        return stored;
    }
}
