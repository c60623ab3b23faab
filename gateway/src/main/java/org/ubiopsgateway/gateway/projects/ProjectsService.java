package org.ubiopsgateway.gateway.projects;

import org.ubiopsgateway.gateway.security.Caller;
import org.ubiopsgateway.gateway.security.CallerScope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.error.BadRequest;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.model.projects.InstanceType;
import org.ubiopsgateway.model.projects.Project;
import org.ubiopsgateway.model.projects.ProjectCreate;
import org.ubiopsgateway.model.projects.ProjectResources;
import org.ubiopsgateway.model.projects.ProjectSummary;
import org.ubiopsgateway.model.projects.ProjectUpdate;
import org.ubiopsgateway.model.projects.ProjectUsage;
import org.ubiopsgateway.model.projects.Quota;
import org.ubiopsgateway.model.projects.UsageInterval;

import java.util.List;

/** Projects and what they use, through UbiOps's project operations. */
@ApplicationScoped
public class ProjectsService {

    private final UbiOpsProjects projects;
    private final CallerScope scope;

    public ProjectsService(UbiOpsProjects projects, CallerScope scope) {
        this.projects = projects;
        this.scope = scope;
    }

    /** Only the projects in the caller's {@code projects} claim: the others are invisible, not forbidden. */
    public Uni<List<ProjectSummary>> list(String organization) {
        Caller caller = scope.caller(); // read on the request's thread, before the upstream answer arrives
        return projects.listProjects(organization).map(all ->
                caller.visible(all.stream().map(ProjectMapper::summary).toList(), ProjectSummary::name));
    }

    /** Admins only, and only for a name their claim covers ({@code "*"} or the name itself); refused before upstream. */
    public Uni<Project> create(ProjectCreate project) {
        scope.requireProjectCreation(project.name());
        return projects.createProject(ProjectMapper.create(project)).map(ProjectMapper::project);
    }

    public Uni<Project> get(String project) {
        return projects.getProject(project).map(ProjectMapper::project);
    }

    /** A rename is a creation under the new name as far as the claim is concerned: it may not leave the caller's scope. */
    public Uni<Project> update(String project, ProjectUpdate update) {
        if (update.name() != null && !update.name().equals(project)) {
            scope.requireProjectCreation(update.name());
        }
        return projects.updateProject(project, ProjectMapper.update(update)).map(ProjectMapper::project);
    }

    public Uni<Void> delete(String project) {
        return projects.deleteProject(project);
    }

    /** {@code start} and {@code end} are ISO-8601 already; when both are given, end must come after start. */
    public Uni<ProjectUsage> usage(String project, String start, String end, UsageInterval interval) {
        if (start != null && end != null && !QueryValues.instant(end).isAfter(QueryValues.instant(start))) {
            throw BadRequest.of("end", "must be after start");
        }
        return projects.getUsage(project, QueryValues.utc(start), QueryValues.utc(end), QueryValues.text(interval))
                .map(ProjectMapper::usage);
    }

    public Uni<ProjectResources> resources(String project) {
        return projects.getResourceUsage(project).map(ProjectMapper::resources);
    }

    public Uni<List<Quota>> quotas(String project) {
        return projects.listQuotas(project).map(all -> all.stream().map(ProjectMapper::quota).toList());
    }

    public Uni<List<InstanceType>> instanceTypes(String project) {
        return projects.listInstanceTypes(project).map(all -> all.stream().map(ProjectMapper::instanceType).toList());
    }
}
