package org.ubiopsgateway.gateway.upstream.wire;

/** An audit event of a project or a deployment (project_audit_events_list, deployment_audit_events_list). */
public record AuditEvent(String id, Timestamp date, String action, String user, String event, String objectType,
                         String objectName) {
}
