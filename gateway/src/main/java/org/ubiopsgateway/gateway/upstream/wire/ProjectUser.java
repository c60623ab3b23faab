package org.ubiopsgateway.gateway.upstream.wire;

/** A member of a project (project_users_list/get/create). */
public record ProjectUser(String id, String email, String name, String surname) {
}
