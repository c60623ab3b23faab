package org.ubiopsgateway.gateway.projects;

import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.Changes;
import org.ubiopsgateway.gateway.cache.Invalidations;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
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
    private final ReadCache cache;
    private final Invalidations invalidations;

    public ProjectsService(UbiOpsProjects projects, CallerScope scope, ReadCache cache, Invalidations invalidations) {
        this.projects = projects;
        this.scope = scope;
        this.cache = cache;
        this.invalidations = invalidations;
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
        return invalidations.after(projects.createProject(ProjectMapper.create(project)),
                Changes.wholeProject(project.name())).map(ProjectMapper::project);
    }

    public Uni<Project> get(String project) {
        return cache.read(Region.READS, CacheKeys.project(project),
                () -> projects.getProject(project).map(ProjectMapper::project));
    }

    /** A rename is a creation under the new name as far as the claim is concerned: it may not leave the caller's scope. */
    public Uni<Project> update(String project, ProjectUpdate update) {
        if (update.name() != null && !update.name().equals(project)) {
            scope.requireProjectCreation(update.name());
        }
        return invalidations.after(projects.updateProject(project, ProjectMapper.update(update)),
                Changes.project(project, update.name())).map(ProjectMapper::project);
    }

    public Uni<Void> delete(String project) {
        return invalidations.after(projects.deleteProject(project), Changes.wholeProject(project));
    }

    /** {@code start} and {@code end} are ISO-8601 already; when both are given, end must come after start. */
    public Uni<ProjectUsage> usage(String project, String start, String end, UsageInterval interval) {
        if (start != null && end != null && !QueryValues.instant(end).isAfter(QueryValues.instant(start))) {
            throw BadRequest.of("end", "must be after start");
        }
        String from = QueryValues.utc(start);
        String to = QueryValues.utc(end);
        String every = QueryValues.text(interval);
        return cache.read(Region.READS,
                CacheKeys.withQuery(CacheKeys.of(project, "usage"), "start", from, "end", to, "interval", every),
                () -> projects.getUsage(project, from, to, every).map(ProjectMapper::usage));
    }

    public Uni<ProjectResources> resources(String project) {
        return cache.read(Region.READS, CacheKeys.resources(project),
                () -> projects.getResourceUsage(project).map(ProjectMapper::resources));
    }

    public Uni<List<Quota>> quotas(String project) {
        return cache.read(Region.QUOTAS, CacheKeys.of(project, "quotas"),
                () -> projects.listQuotas(project).map(all -> all.stream().map(ProjectMapper::quota).toList()));
    }

    public Uni<List<InstanceType>> instanceTypes(String project) {
        return cache.read(Region.INSTANCE_TYPES, CacheKeys.of(project, "instance-types"), () -> projects
                .listInstanceTypes(project).map(all -> all.stream().map(ProjectMapper::instanceType).toList()));
    }
}
