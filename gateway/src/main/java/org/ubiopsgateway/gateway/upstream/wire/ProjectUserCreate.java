package org.ubiopsgateway.gateway.upstream.wire;

/** The body of project_users_create: an organization user's id. */
public record ProjectUserCreate(String userId) {
}
