package org.ubiopsgateway.gateway.projects;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUserCreate;
import org.ubiopsgateway.model.projects.ProjectUser;

import java.util.List;

/** The members of a project, through UbiOps's project_users_* operations. */
@ApplicationScoped
public class ProjectUsersService {

    private final UbiOpsProjects projects;

    public ProjectUsersService(UbiOpsProjects projects) {
        this.projects = projects;
    }

    public Uni<List<ProjectUser>> list(String project) {
        return projects.listUsers(project, null).map(all -> all.stream().map(ProjectMapper::user).toList());
    }

    public Uni<ProjectUser> add(String project, String userId) {
        return projects.addUser(project, new ProjectUserCreate(userId)).map(ProjectMapper::user);
    }

    public Uni<ProjectUser> get(String project, String userId) {
        return projects.getUser(project, userId).map(ProjectMapper::user);
    }

    public Uni<Void> remove(String project, String userId) {
        return projects.removeUser(project, userId);
    }
}
