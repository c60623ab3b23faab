package org.ubiopsgateway.gateway.activity;

import org.ubiopsgateway.gateway.error.BadRequest;
import org.ubiopsgateway.model.activity.LogLevel;

/**
 * A log search as the public surface takes it, each parameter already valid on its own. Constructing one
 * checks the rules between parameters that UbiOps documents, so a search that breaks one never reaches it.
 *
 * @param range seconds to read from the starting point; null for upstream's default (six hours back)
 */
public record LogSearch(String deployment, String version, String revision, String environment, String build,
                        String pipeline, String pipelineVersion, String pipelineObject, String deploymentRequest,
                        String pipelineRequest, String webhook, LogLevel level, Boolean system, String since,
                        String sinceId, Integer range, int limit) {

    public LogSearch {
        requires("version", version, "deployment", deployment);
        requires("pipelineVersion", pipelineVersion, "pipeline", pipeline);
        requires("pipelineObject", pipelineObject, "pipeline", pipeline);
        requires("pipelineObject", pipelineObject, "pipelineVersion", pipelineVersion);
        if (since != null && sinceId != null) {
            throw BadRequest.of("sinceId", "cannot be combined with since: both name the starting point");
        }
    }

    /** Reading back in time from the starting point (upstream's default), rather than forward. */
    public boolean backwards() {
        return range == null || range < 0;
    }

    private static void requires(String field, String value, String neededField, String needed) {
        if (value != null && needed == null) {
            throw BadRequest.of(field, "can only be given together with " + neededField);
        }
    }
}
