package org.ubiopsgateway.model.activity;

/**
 * Something that was done in a project or to a deployment.
 *
 * @param date        ISO-8601
 * @param action      null only when upstream reports an action this model does not know
 * @param user        the email of who did it
 * @param description what happened, in words
 * @param objectType  e.g. {@code project}, {@code deployment}, {@code deployment_version}, {@code environment_variable}
 * @param objectName  null when the object has been deleted since
 */
public record AuditEvent(String id, String date, AuditAction action, String user, String description,
                         String objectType, String objectName) {
}
