package org.ubiopsgateway.gateway.overview;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.cache.CacheKeys;
import org.ubiopsgateway.gateway.cache.ReadCache;
import org.ubiopsgateway.gateway.cache.Region;
import org.ubiopsgateway.gateway.deployments.DeploymentService;
import org.ubiopsgateway.gateway.deployments.VersionService;
import org.ubiopsgateway.gateway.eventloop.EventLoops;
import org.ubiopsgateway.gateway.projects.ProjectsService;
import org.ubiopsgateway.gateway.revisions.RevisionsService;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.wire.RequestOverview;
import org.ubiopsgateway.model.deployments.Deployment;
import org.ubiopsgateway.model.deployments.Version;
import org.ubiopsgateway.model.overview.Credits;
import org.ubiopsgateway.model.overview.DeploymentCredits;
import org.ubiopsgateway.model.overview.DeploymentOverview;
import org.ubiopsgateway.model.overview.FailedBuild;
import org.ubiopsgateway.model.overview.MissingPart;
import org.ubiopsgateway.model.overview.ProjectOverview;
import org.ubiopsgateway.model.overview.RequestCounts;
import org.ubiopsgateway.model.overview.VersionOverview;
import org.ubiopsgateway.model.projects.ProjectUsage;
import org.ubiopsgateway.model.projects.UsagePeriod;
import org.ubiopsgateway.model.revisions.BuildStatus;
import org.ubiopsgateway.model.revisions.Revision;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The project page in one answer. Two dependent rounds, each in parallel: first the project and its parts
 * (resources, quotas, credits, deployments, requests), then each deployment's versions (at most
 * {@code gateway.overview.concurrency} at once). Only a version whose latest revision is not its active one needs a
 * third call, to learn whether that revision's build failed. Parts come through the cache where it holds them, each
 * call has its own timeout and the whole overview a deadline; a part that fails is named in {@code missing}. If the
 * project itself fails, that failure is the answer. Concurrent overviews of one project share one fan-out.
 */
@ApplicationScoped
public class OverviewService {

    private static final Logger LOG = Logger.getLogger(OverviewService.class);

    private final ProjectsService projects;
    private final DeploymentService deployments;
    private final VersionService versions;
    private final RevisionsService revisions;
    private final UbiOpsProjects upstream;
    private final ReadCache cache;
    private final OverviewConfig config;

    public OverviewService(ProjectsService projects, DeploymentService deployments, VersionService versions,
                           RevisionsService revisions, UbiOpsProjects upstream, ReadCache cache,
                           OverviewConfig config) {
        this.projects = projects;
        this.deployments = deployments;
        this.versions = versions;
        this.revisions = revisions;
        this.upstream = upstream;
        this.cache = cache;
        this.config = config;
    }

    public Uni<ProjectOverview> overview(String project) {
        // Only complete overviews are kept: a missing part should be retried by the next reader.
        return cache.read(Region.OVERVIEW, CacheKeys.overview(project), () -> gather(project),
                ProjectOverview::complete);
    }

    private Uni<ProjectOverview> gather(String project) {
        Calls calls = new Calls(Instant.now().plus(config.deadline()), EventLoops.inGrowingBatches());
        // The deployment list goes out first, before the other parts are even started: its answer starts the second
        // round, which then need not wait while the other parts' answers are read and mapped on the same event loop.
        Uni<Deployments> deploymentRounds = part("deployments", () -> deployments.list(project, null), calls)
                .flatMap(listed -> (listed.present() ? each(project, listed.value(), calls)
                        : Uni.createFrom().item(List.<DeploymentResult>of())).map(each -> new Deployments(listed, each)));
        Uni<org.ubiopsgateway.model.projects.Project> details = timed(projects.get(project), calls);
        Uni<Part<org.ubiopsgateway.model.projects.ProjectResources>> resources =
                part("resources", () -> projects.resources(project), calls);
        Uni<Part<List<org.ubiopsgateway.model.projects.Quota>>> quotas =
                part("quotas", () -> projects.quotas(project), calls);
        Uni<Part<Credits>> credits = part("credits",
                () -> projects.usage(project, null, null, null).map(OverviewService::credits), calls);
        Uni<Part<RequestCounts>> requests = part("requests", () -> requestCounts(project), calls);
        return Uni.combine().all().unis(deploymentRounds, details, resources, quotas, credits, requests)
                .with((deployments_, project_, resources_, quotas_, credits_, requests_) -> {
                    Part<List<Deployment>> list_ = deployments_.list();
                    List<DeploymentResult> each_ = deployments_.each();
                    List<MissingPart> missing = new ArrayList<>();
                    for (Part<?> part : List.of(resources_, quotas_, credits_, requests_, list_)) {
                        if (!part.present()) {
                            missing.add(part.missing());
                        }
                    }
                    each_.forEach(result -> missing.addAll(result.missing()));
                    return new ProjectOverview(project_, resources_.value(), quotas_.value(), credits_.value(),
                            list_.present() ? each_.stream().map(DeploymentResult::overview).toList() : null,
                            requests_.value(),
                            each_.stream().flatMap(result -> result.failedBuilds().stream()).toList(),
                            missing.isEmpty(), List.copyOf(missing));
                });
    }

    /** The second round: each deployment's versions, a bounded number at once, in the deployments' order. */
    private Uni<List<DeploymentResult>> each(String project, List<Deployment> listed, Calls calls) {
        if (listed.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().range(0, listed.size())
                .onItem().transformToUni(i -> deployment(project, listed.get(i), calls).map(r -> Map.entry(i, r)))
                .merge(config.concurrency())
                .collect().asList()
                .map(results -> results.stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList());
    }

    private Uni<DeploymentResult> deployment(String project, Deployment deployment, Calls calls) {
        String name = deployment.name();
        String part = "deployments/" + name + "/versions";
        return part(part, () -> versions.list(project, name, null), calls).flatMap(listed -> {
            if (!listed.present()) {
                return Uni.createFrom().item(new DeploymentResult(overview(deployment, null), List.of(),
                        List.of(listed.missing())));
            }
            List<Version> unsettled = listed.value().stream()
                    .filter(v -> v.latestRevision() != null && !v.latestRevision().equals(v.activeRevision()))
                    .toList();
            DeploymentOverview overview = overview(deployment, listed.value());
            if (unsettled.isEmpty()) {
                return Uni.createFrom().item(new DeploymentResult(overview, List.of(), List.of()));
            }
            List<Uni<Part<Revision>>> checks = unsettled.stream()
                    .map(v -> part(part + "/" + v.version() + "/latestRevision",
                            () -> revisions.get(project, name, v.version(), v.latestRevision()), calls))
                    .toList();
            return Uni.join().all(checks).andFailFast().map(parts -> new DeploymentResult(overview,
                    parts.stream().filter(Part::present).map(Part::value)
                            .filter(r -> r.status() == BuildStatus.FAILED)
                            .map(r -> new FailedBuild(name, r.version(), r.id(), r.errorMessage())).toList(),
                    parts.stream().filter(p -> !p.present()).map(Part::missing).toList()));
        });
    }

    private static DeploymentOverview overview(Deployment deployment, List<Version> listed) {
        return new DeploymentOverview(deployment.name(), deployment.description(), deployment.labels(),
                listed == null ? null : listed.stream().map(v -> new VersionOverview(v.version(), v.isDefault(),
                        v.status(), v.environment(), v.instanceTypeGroup(), v.scaling(), v.activeRevision(),
                        v.latestRevision())).toList());
    }

    /** Counts of recent requests change with every request: kept for the micro-cache's few seconds at most. */
    private Uni<RequestCounts> requestCounts(String project) {
        return cache.read(Region.READS, CacheKeys.of(project, "recent-requests"), () -> countRequests(project));
    }

    private Uni<RequestCounts> countRequests(String project) {
        // whole minutes: the overview (and its ETag) then stays the same within a minute, so a polling portal gets 304s
        Instant since = Instant.now().minus(config.requestWindow()).truncatedTo(ChronoUnit.MINUTES);
        int sample = config.requestSample();
        return upstream.listRequests(project, "deployment", null, null, sample, 0, null, null, null,
                since.toString(), null, null).map(found -> {
                    Map<String, Integer> byStatus = new TreeMap<>(found.stream()
                            .collect(Collectors.groupingBy(r -> Objects.requireNonNullElse(r.status(), "unknown"),
                                    Collectors.summingInt(r -> 1))));
                    return new RequestCounts(since.toString(), found.size(), found.size() >= sample, byStatus);
                });
    }

    /** The newest period's credits: the project's total and each deployment's, versions added together. */
    static Credits credits(ProjectUsage usage) {
        UsagePeriod current = usage.project() == null ? null : usage.project().stream()
                .max(Comparator.comparing(UsagePeriod::start, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
        if (current == null) {
            return new Credits(null, null, 0, List.of());
        }
        Map<String, Double> perDeployment = new LinkedHashMap<>();
        if (usage.deployments() != null) {
            usage.deployments().forEach(d -> d.periods().stream()
                    .filter(p -> Objects.equals(p.start(), current.start()))
                    .forEach(p -> perDeployment.merge(d.deployment(), p.credits(), Double::sum)));
        }
        return new Credits(current.start(), current.end(), current.credits(), perDeployment.entrySet().stream()
                .map(e -> new DeploymentCredits(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(DeploymentCredits::credits).reversed()).toList());
    }

    /** A part: its value, or, when it fails or runs out of time, why it is missing. */
    private <T> Uni<Part<T>> part(String name, Supplier<Uni<T>> call, Calls calls) {
        return timed(Uni.createFrom().<T>deferred(call::get), calls).map(Part::of)
                .onFailure().recoverWithItem(failure -> Part.missing(name, reason(failure)));
    }

    /**
     * {@code call} with the per-call timeout, or less when the overview's deadline comes first, started in its turn
     * ({@link Calls}).
     */
    private <T> Uni<T> timed(Uni<T> call, Calls calls) {
        return Uni.createFrom().deferred(() -> {
            Duration left = Duration.between(Instant.now(), calls.deadline());
            if (left.compareTo(config.partTimeout()) >= 0) {
                return call.ifNoItem().after(config.partTimeout()).on(EventLoops.timers()).fail();
            }
            if (left.isNegative() || left.isZero()) {
                return Uni.createFrom().failure(new DeadlineReached());
            }
            return call.ifNoItem().after(left).on(EventLoops.timers()).failWith(DeadlineReached::new);
        }).runSubscriptionOn(calls.started());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof DeadlineReached) {
            return "deadline";
        }
        if (failure instanceof UpstreamException e && UpstreamFailure.of(e).isEmpty()) {
            return "upstream-" + e.status();
        }
        return UpstreamFailure.of(failure).map(UpstreamFailure::reason).orElseGet(() -> {
            LOG.warn("An overview part failed unexpectedly", failure);
            return "error";
        });
    }

    /** The overview's deadline passed before this part's answer: a timeout (504 for the project itself). */
    private static final class DeadlineReached extends TimeoutException {
        DeadlineReached() {
            super("overview deadline reached");
        }
    }

    /**
     * What an overview's upstream calls share: its deadline, and the executor that starts them in their order, in
     * growing batches of an event each ({@link EventLoops#inGrowingBatches}): the first call of a round then leaves
     * after one call's work, not after all of the round's.
     */
    private record Calls(Instant deadline, Executor started) {
    }

    /** Both rounds about deployments: the list (or why it is missing) and, for each listed one, its versions. */
    private record Deployments(Part<List<Deployment>> list, List<DeploymentResult> each) {
    }

    private record DeploymentResult(DeploymentOverview overview, List<FailedBuild> failedBuilds,
                                    List<MissingPart> missing) {
    }
}
