package org.ubiopsgateway.gateway.projects;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.ProjectDetail;
import org.ubiopsgateway.gateway.upstream.wire.QuotaDetail;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;
import org.ubiopsgateway.gateway.upstream.wire.UsageDeployment;
import org.ubiopsgateway.model.projects.DeploymentUsage;
import org.ubiopsgateway.model.projects.InstanceType;
import org.ubiopsgateway.model.projects.Project;
import org.ubiopsgateway.model.projects.ProjectCreate;
import org.ubiopsgateway.model.projects.ProjectResources;
import org.ubiopsgateway.model.projects.ProjectSummary;
import org.ubiopsgateway.model.projects.ProjectUpdate;
import org.ubiopsgateway.model.projects.ProjectUsage;
import org.ubiopsgateway.model.projects.ProjectUser;
import org.ubiopsgateway.model.projects.Quota;
import org.ubiopsgateway.model.projects.UsageInterval;
import org.ubiopsgateway.model.projects.UsagePeriod;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/** Upstream's projects, members, usage, quotas and instance types as the public surface shows them, and back. */
final class ProjectMapper {

    private ProjectMapper() {
    }

    static ProjectSummary summary(org.ubiopsgateway.gateway.upstream.wire.ProjectSummary p) {
        return new ProjectSummary(p.id(), p.name(), p.organizationName(), creationDate(p.creationDate()),
                Boolean.TRUE.equals(p.advancedPermissions()));
    }

    static Project project(ProjectDetail p) {
        return new Project(p.id(), p.name(), p.organizationName(), creationDate(p.creationDate()),
                Boolean.TRUE.equals(p.advancedPermissions()), p.credits(), Boolean.TRUE.equals(p.suspended()),
                p.suspendedReason(), p.corsOrigins() == null ? List.of() : p.corsOrigins());
    }

    static org.ubiopsgateway.gateway.upstream.wire.ProjectCreate create(ProjectCreate p) {
        return new org.ubiopsgateway.gateway.upstream.wire.ProjectCreate(p.name(), p.organization(),
                p.advancedPermissions(), p.creditLimit(), p.corsOrigins());
    }

    static org.ubiopsgateway.gateway.upstream.wire.ProjectUpdate update(ProjectUpdate p) {
        return new org.ubiopsgateway.gateway.upstream.wire.ProjectUpdate(p.name(), p.advancedPermissions(),
                p.creditLimit(), p.suspended(), p.corsOrigins());
    }

    /**
     * A creation date as ISO-8601. UbiOps documents bare days ({@code 2018-10-26}); those stay days rather than
     * gaining a midnight and a time zone that upstream never stated.
     */
    static String creationDate(Timestamp date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date.raw().strip()).toString();
        } catch (DateTimeParseException notADay) {
            return date.iso();
        }
    }

    static ProjectResources resources(org.ubiopsgateway.gateway.upstream.wire.ProjectResourceUsage r) {
        return new ProjectResources(count(r.deployments()), count(r.deploymentVersions()), count(r.pipelines()),
                count(r.pipelineVersions()), count(r.buckets()), count(r.environments()));
    }

    static Quota quota(QuotaDetail q) {
        return new Quota(q.resource(), q.quota() == null ? 0 : q.quota());
    }

    static InstanceType instanceType(org.ubiopsgateway.gateway.upstream.wire.InstanceType t) {
        return new InstanceType(t.id(), t.name(), t.displayName(), t.memoryAllocation(), t.cpuAllocation(),
                t.gpuAllocation(), t.storageAllocation(), t.creditRate());
    }

    static ProjectUsage usage(org.ubiopsgateway.gateway.upstream.wire.ProjectUsage u) {
        return new ProjectUsage(QueryValues.known(UsageInterval.class, u.interval()), periods(u.dataProject()),
                map(u.dataDeployments(), ProjectMapper::deploymentUsage), periods(u.dataDeletedDeployments()));
    }

    static ProjectUser user(org.ubiopsgateway.gateway.upstream.wire.ProjectUser u) {
        return new ProjectUser(u.id(), u.email(), u.name(), u.surname());
    }

    private static DeploymentUsage deploymentUsage(UsageDeployment d) {
        return new DeploymentUsage(d.deploymentId(), d.deploymentName(), d.versionId(), d.version(), periods(d.data()));
    }

    private static List<UsagePeriod> periods(List<org.ubiopsgateway.gateway.upstream.wire.UsagePeriod> periods) {
        return map(periods, p -> new UsagePeriod(Timestamp.iso(p.startDate()), Timestamp.iso(p.endDate()),
                p.value() == null ? 0 : p.value()));
    }

    private static <W, T> List<T> map(List<W> wire, Function<W, T> mapper) {
        return wire == null ? List.of() : wire.stream().map(mapper).toList();
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
