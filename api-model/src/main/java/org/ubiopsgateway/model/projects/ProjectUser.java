package org.ubiopsgateway.model.projects;

import org.ubiopsgateway.model.common.Identifiable;

/** A member of a project: a user of the project's organization. */
public record ProjectUser(String id, String email, String name, String surname) implements Identifiable {

    @Override
    public String identifier() {
        return id;
    }
}
