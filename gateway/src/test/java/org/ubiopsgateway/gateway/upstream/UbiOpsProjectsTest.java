package org.ubiopsgateway.gateway.upstream;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.wire.AuditEvent;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariable;
import org.ubiopsgateway.gateway.upstream.wire.EnvironmentVariableCreate;
import org.ubiopsgateway.gateway.upstream.wire.InstanceType;
import org.ubiopsgateway.gateway.upstream.wire.LogFilters;
import org.ubiopsgateway.gateway.upstream.wire.LogLine;
import org.ubiopsgateway.gateway.upstream.wire.LogQuery;
import org.ubiopsgateway.gateway.upstream.wire.ProjectCreate;
import org.ubiopsgateway.gateway.upstream.wire.ProjectDetail;
import org.ubiopsgateway.gateway.upstream.wire.ProjectResourceUsage;
import org.ubiopsgateway.gateway.upstream.wire.ProjectSummary;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUpdate;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUsage;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUser;
import org.ubiopsgateway.gateway.upstream.wire.ProjectUserCreate;
import org.ubiopsgateway.gateway.upstream.wire.QuotaDetail;
import org.ubiopsgateway.gateway.upstream.wire.RequestOverview;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 21 project operations over real HTTP against the embedded emulator. */
@QuarkusTest
class UbiOpsProjectsTest {

    private static final String DEMO = "demo-project";

    @Inject
    UbiOpsProjects projects;

    @Inject
    UbiOpsEmulator emulator;

    private static <T> T await(Uni<T> call) {
        return call.await().atMost(Duration.ofSeconds(10));
    }

    private static <E extends UpstreamException> E failure(Class<E> type, Uni<?> call) {
        return assertThrows(type, () -> await(call));
    }

    @Test
    void listsTheSeededProjectsWithTheTokenHeaderAccepted() {
        List<ProjectSummary> all = await(projects.listProjects(null));
        assertEquals(List.of(DEMO, "sandbox"), all.stream().map(ProjectSummary::name).toList());
        ProjectSummary demo = all.get(0);
        assertEquals("demo-organization", demo.organizationName());
        assertEquals(Boolean.FALSE, demo.advancedPermissions());
        assertTrue(demo.creationDate().parsed().isPresent());
        assertEquals(200, emulator.journal().entries("projects_list").get(0).status(),
                "the emulator accepted the Authorization: Token header");
        assertTrue(await(projects.listProjects("another-organization")).isEmpty());
    }

    @Test
    void createdProjectCanBeReadListedUpdatedAndDeleted() {
        ProjectDetail created = await(projects.createProject(
                new ProjectCreate("portal-test", "demo-organization", true, 250.0, List.of("https://portal.example"))));
        assertEquals("portal-test", created.name());
        assertNotNull(created.id());
        assertTrue(created.creationDate().parsed().isPresent());
        assertEquals(Boolean.TRUE, created.advancedPermissions());
        assertEquals(250.0, created.credits());
        assertEquals(Boolean.FALSE, created.suspended());
        assertNull(created.suspendedReason());
        assertEquals(List.of("https://portal.example"), created.corsOrigins());

        assertEquals(created.id(), await(projects.getProject("portal-test")).id());
        assertTrue(await(projects.listProjects(null)).stream().anyMatch(p -> p.name().equals("portal-test")));

        ProjectDetail updated = await(projects.updateProject("portal-test",
                new ProjectUpdate("portal-renamed", null, null, true, List.of())));
        assertEquals("portal-renamed", updated.name());
        assertEquals(Boolean.TRUE, updated.suspended());
        assertEquals(Boolean.TRUE, updated.advancedPermissions(), "fields left null are not changed");
        assertEquals(250.0, updated.credits());
        assertEquals(List.of(), updated.corsOrigins());
        failure(UpstreamException.NotFound.class, projects.getProject("portal-test"));

        assertNull(await(projects.deleteProject("portal-renamed")));
        UpstreamException.NotFound gone = failure(UpstreamException.NotFound.class, projects.getProject("portal-renamed"));
        assertEquals("Project was not found", gone.upstreamMessage());
        assertEquals(404, gone.status());
    }

    @Test
    void createWithDefaultsHasNoCreditLimit() {
        ProjectDetail created = await(projects.createProject(ProjectCreate.of("plain", "demo-organization")));
        assertNull(created.credits());
        assertEquals(Boolean.FALSE, created.advancedPermissions());
        assertEquals(List.of(), created.corsOrigins());
    }

    @Test
    void badNamesTakenNamesAndUnknownOrganizationsAreRefused() {
        UpstreamException.BadRequest bad = failure(UpstreamException.BadRequest.class,
                projects.createProject(ProjectCreate.of("Not_Valid", "demo-organization")));
        assertTrue(bad.upstreamMessage().startsWith("name:"), bad.upstreamMessage());
        failure(UpstreamException.Conflict.class, projects.createProject(ProjectCreate.of(DEMO, "demo-organization")));
        failure(UpstreamException.NotFound.class, projects.createProject(ProjectCreate.of("x", "elsewhere")));
        failure(UpstreamException.Conflict.class,
                projects.updateProject("sandbox", new ProjectUpdate(DEMO, null, null, null, null)));
    }

    @Test
    void resourceUsageAndQuotasAndInstanceTypes() {
        ProjectResourceUsage resources = await(projects.getResourceUsage(DEMO));
        assertNotNull(resources.deployments());
        assertNotNull(resources.deploymentVersions());
        assertEquals(1, resources.pipelines());
        assertEquals(1, resources.buckets());

        List<QuotaDetail> quotas = await(projects.listQuotas(DEMO));
        assertEquals(274877906944L, quotas.stream().filter(q -> q.resource().equals("memory_standard"))
                .findFirst().orElseThrow().quota());

        List<InstanceType> types = await(projects.listInstanceTypes(DEMO));
        InstanceType gpu = types.stream().filter(t -> t.name().equals("16384mb-t4")).findFirst().orElseThrow();
        assertEquals(16384, gpu.memoryAllocation());
        assertEquals(1, gpu.gpuAllocation());
        assertTrue(gpu.creditRate() > 0);
        assertNotNull(gpu.displayName());
        failure(UpstreamException.NotFound.class, projects.listQuotas("missing"));
    }

    @Test
    void usagePerMonthAndPerDay() {
        ProjectUsage month = await(projects.getUsage(DEMO, null, null, null));
        assertEquals("month", month.interval());
        assertEquals(1, month.dataProject().size());
        assertTrue(month.dataProject().get(0).value() > 0);
        assertTrue(month.dataProject().get(0).startDate().parsed().isPresent());
        assertNotNull(month.dataDeployments());
        assertFalse(month.dataDeletedDeployments().isEmpty(), "data_deleted_deployments is read");

        LocalDate start = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        ProjectUsage days = await(projects.getUsage(DEMO, start.toString(), start.plusDays(7).toString(), "day"));
        assertEquals("day", days.interval());
        assertEquals(7, days.dataProject().size());
        assertEquals(start.plusDays(1) + "T00:00:00Z", days.dataProject().get(0).endDate().raw());

        failure(UpstreamException.BadRequest.class, projects.getUsage(DEMO, null, null, "week"));
    }

    @Test
    void auditEventsArePagedAndFiltered() {
        List<AuditEvent> all = await(projects.listAuditEvents(DEMO, null, null, null));
        assertTrue(all.size() > 5);
        List<AuditEvent> page = await(projects.listAuditEvents(DEMO, null, 2, 1));
        assertEquals(all.subList(1, 3).stream().map(AuditEvent::id).toList(), page.stream().map(AuditEvent::id).toList());
        List<AuditEvent> deletes = await(projects.listAuditEvents(DEMO, "delete", null, null));
        assertFalse(deletes.isEmpty());
        assertTrue(deletes.stream().allMatch(e -> e.action().equals("delete")));
        assertTrue(all.get(0).date().parsed().isPresent());
        failure(UpstreamException.BadRequest.class, projects.listAuditEvents(DEMO, "rename", null, null));

        await(projects.updateProject(DEMO, new ProjectUpdate(null, null, 99.0, null, null)));
        AuditEvent newest = await(projects.listAuditEvents(DEMO, null, 1, null)).get(0);
        assertEquals("update", newest.action());
        assertEquals("project", newest.objectType());
    }

    @Test
    void requestsAreFilteredSortedAndPaged() {
        List<RequestOverview> deployments = await(projects.listRequests(DEMO, "deployment", null, null, 500, null, null,
                null, null, null, null, null));
        assertEquals(40, deployments.size());
        assertTrue(deployments.stream().allMatch(r -> r.deployment() != null && r.pipeline() == null));
        assertTrue(deployments.get(0).timeCreated().parsed().orElseThrow()
                .isAfter(deployments.get(1).timeCreated().parsed().orElseThrow()), "newest first by default");

        List<RequestOverview> pipelines = await(projects.listRequests(DEMO, "pipeline", null, null, null, null, null,
                null, null, null, null, null));
        assertTrue(pipelines.stream().allMatch(r -> r.pipeline() != null));

        List<RequestOverview> failed = await(projects.listRequests(DEMO, "deployment", "failed", false, null, null, null,
                null, null, null, null, null));
        assertTrue(failed.stream().allMatch(r -> r.status().equals("failed") && Boolean.FALSE.equals(r.success())));

        List<RequestOverview> oldest = await(projects.listRequests(DEMO, "deployment", null, null, 3, 1, "asc",
                null, null, null, null, null));
        assertEquals(3, oldest.size());
        assertEquals(deployments.get(38).id(), oldest.get(0).id());

        String since = Instant.now().minusSeconds(3600).toString();
        List<RequestOverview> recent = await(projects.listRequests(DEMO, "deployment", null, null, null, null, null,
                null, null, since, null, null));
        assertTrue(recent.size() < 40);
        assertTrue(recent.stream().allMatch(r -> !r.timeCreated().parsed().orElseThrow().toInstant()
                .isBefore(Instant.parse(since))));

        String someId = deployments.get(5).id();
        List<RequestOverview> searched = await(projects.listRequests(DEMO, "deployment", null, null, null, null, null,
                null, null, null, null, someId.substring(0, 8)));
        assertTrue(searched.stream().anyMatch(r -> r.id().equals(someId)));

        failure(UpstreamException.BadRequest.class, projects.listRequests(DEMO, null, null, null, null, null, null,
                null, null, null, null, null));
        failure(UpstreamException.BadRequest.class, projects.listRequests(DEMO, "deployment", "done", null, null, null,
                null, null, null, null, null, null));
    }

    @Test
    void logsAreFilteredAndLimited() {
        List<LogLine> recent = await(projects.listLogs(DEMO, null));
        assertFalse(recent.isEmpty());
        assertTrue(recent.stream().allMatch(l -> l.id().length() == 24 && l.log() != null && l.date().parsed().isPresent()));

        List<LogLine> churn = await(projects.listLogs(DEMO,
                new LogQuery(LogFilters.deployment("churn-model", "v1"), null, null, 500, -86400)));
        assertFalse(churn.isEmpty());
        assertTrue(churn.stream().allMatch(l -> l.deploymentName().equals("churn-model") && l.deploymentVersion().equals("v1")));

        List<LogLine> two = await(projects.listLogs(DEMO,
                new LogQuery(null, Timestamp.of(Instant.now().toString()), null, 2, null)));
        assertEquals(2, two.size());

        LogLine anchor = recent.get(0);
        List<LogLine> fromId = await(projects.listLogs(DEMO, new LogQuery(null, null, anchor.id(), 5, 3600)));
        assertEquals(anchor.id(), fromId.get(0).id());

        failure(UpstreamException.BadRequest.class, projects.listLogs(DEMO,
                new LogQuery(LogFilters.deployment(null, "v1"), null, null, null, null)));
        failure(UpstreamException.BadRequest.class, projects.listLogs(DEMO, new LogQuery(null, null, null, 501, null)));
        failure(UpstreamException.BadRequest.class, projects.listLogs(DEMO, new LogQuery(null, null, null, null, 90000)));
    }

    @Test
    void usersCanBeAddedReadListedAndRemoved() {
        List<ProjectUser> members = await(projects.listUsers(DEMO, null));
        String outsider = "b2f6a8c0-4d1e-4a3b-9c5d-6e7f8a9b0c34";
        assertTrue(members.stream().noneMatch(u -> u.id().equals(outsider)));

        ProjectUser added = await(projects.addUser(DEMO, new ProjectUserCreate(outsider)));
        assertEquals("[email protected]", added.email());
        assertEquals("Olga", added.name());
        assertEquals("Ops", added.surname());
        assertEquals(members.size() + 1, await(projects.listUsers(DEMO, null)).size());
        assertEquals(added, await(projects.getUser(DEMO, outsider)));
        failure(UpstreamException.Conflict.class, projects.addUser(DEMO, new ProjectUserCreate(outsider)));

        assertNull(await(projects.removeUser(DEMO, outsider)));
        failure(UpstreamException.NotFound.class, projects.getUser(DEMO, outsider));
        failure(UpstreamException.NotFound.class, projects.removeUser(DEMO, outsider));
        failure(UpstreamException.NotFound.class, projects.addUser(DEMO, new ProjectUserCreate("no-such-user")));
    }

    @Test
    void environmentVariablesKeepSecretsHidden() {
        List<EnvironmentVariable> seeded = await(projects.listEnvironmentVariables(DEMO));
        EnvironmentVariable password = seeded.stream().filter(v -> v.name().equals("DATABASE_PASSWORD")).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, password.secret());
        assertNull(password.value());
        assertEquals("info", seeded.stream().filter(v -> v.name().equals("LOG_LEVEL")).findFirst().orElseThrow().value());

        EnvironmentVariable created = await(projects.createEnvironmentVariable(DEMO,
                new EnvironmentVariableCreate("CACHE_TTL", "60", false)));
        assertEquals("60", created.value());
        assertEquals(created, await(projects.getEnvironmentVariable(DEMO, created.id())));
        assertEquals(seeded.size() + 1, await(projects.listEnvironmentVariables(DEMO)).size());

        EnvironmentVariable secret = await(projects.updateEnvironmentVariable(DEMO, created.id(),
                new EnvironmentVariableCreate("CACHE_TTL", "120", true)));
        assertEquals(Boolean.TRUE, secret.secret());
        assertNull(secret.value());
        failure(UpstreamException.BadRequest.class, projects.updateEnvironmentVariable(DEMO, created.id(),
                new EnvironmentVariableCreate("CACHE_TTL", "1", false)));
        failure(UpstreamException.BadRequest.class, projects.createEnvironmentVariable(DEMO,
                new EnvironmentVariableCreate("_bad_", "1", false)));

        assertNull(await(projects.deleteEnvironmentVariable(DEMO, created.id())));
        failure(UpstreamException.NotFound.class, projects.getEnvironmentVariable(DEMO, created.id()));
        assertEquals(seeded.size(), await(projects.listEnvironmentVariables(DEMO)).size());
    }
}
