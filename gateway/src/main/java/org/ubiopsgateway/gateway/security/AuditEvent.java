package org.ubiopsgateway.gateway.security;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Map;

/**
 * One audited mutation, written as one JSON line. Never a body, a header or a token: only what the path and
 * the verified token say.
 *
 * @param time           when it ended, ISO-8601 UTC
 * @param subject        the caller ({@code sub}, else {@code upn}); null when the token was missing or invalid
 * @param action         method and route template, e.g. {@code DELETE /api/v1/projects/{project}}
 * @param target         the path variables (project, deployment, version, id, …)
 * @param outcome        the status the caller got
 * @param upstreamStatus the status of UbiOps's last answer for this request; null when UbiOps was not called
 * @param durationMs     time spent in the gateway
 */
// Written by AuditLog's ObjectMapper, out of the REST layer's sight: a native image needs it registered.
@RegisterForReflection
public record AuditEvent(String time, String subject, String action, Map<String, String> target, int outcome,
                         Integer upstreamStatus, long durationMs) {
}
