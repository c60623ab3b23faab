package org.ubiopsgateway.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.resilience.ResilienceConfig;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamEndpoint;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;

import java.util.Set;

/**
 * Ready when UbiOps answers a cheap authenticated call with the service token, without flapping: the first probe
 * decides, then a ready gateway reports DOWN only after {@code down-after} failed probes in a row, and UP again only
 * after {@code up-after} good ones. A probe is one guarded call (budget, circuit breaker and retries apply), and its
 * result is reused for {@code interval}, however many health checks ask meanwhile. A spent rate limit or a full
 * bulkhead says nothing about UbiOps's health and leaves the state as it was. Liveness has no upstream check at all.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(UpstreamReadiness.class);
    private static final Set<UpstreamFailure> NO_VERDICT = Set.of(UpstreamFailure.RATE_LIMITED, UpstreamFailure.BULKHEAD_FULL);

    private final UbiOpsProjects projects;
    private final String url;
    private final ResilienceConfig.Readiness config;

    private Probe probe;
    /** Null until the first probe with a verdict. */
    private Boolean up;
    private int failures;
    private int successes;

    public UpstreamReadiness(UbiOpsProjects projects, UpstreamEndpoint endpoint, ResilienceConfig config) {
        this.projects = projects;
        this.url = endpoint.baseUri().toString();
        this.config = config.readiness();
    }

    @Override
    public synchronized Uni<HealthCheckResponse> call() {
        long now = System.currentTimeMillis();
        if (probe == null || now >= probe.expires()) {
            probe = new Probe(probe().memoize().indefinitely(), now + config.interval().toMillis());
        }
        return probe.answer();
    }

    /** Forgets every probe, as after a restart. */
    public synchronized void reset() {
        probe = null;
        up = null;
        failures = 0;
        successes = 0;
    }

    private Uni<HealthCheckResponse> probe() {
        return projects.listProjects(null)
                .ifNoItem().after(config.timeout()).fail()
                .map(list -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure)
                .map(this::record);
    }

    private synchronized HealthCheckResponse record(Throwable failure) {
        if (failure == null) {
            successes++;
            failures = 0;
            if (up == null || !up && successes >= config.upAfter()) {
                up = true;
            }
        } else if (UpstreamFailure.of(failure).filter(NO_VERDICT::contains).isEmpty()) {
            // The health endpoint is open: it says what kind of failure, the log says the details.
            LOG.warnf("UbiOps probe failed: %s", failure.toString());
            failures++;
            successes = 0;
            if (up == null || up && failures >= config.downAfter()) {
                up = false;
            }
        }
        var answer = HealthCheckResponse.named("ubiops").status(up == null || up).withData("url", url);
        if (failure != null) {
            answer.withData("reason", reason(failure));
        }
        if (failures > 0) {
            answer.withData("failedProbes", failures);
        }
        return answer.build();
    }

    /** A fixed code: {@code upstream-<status>}, or the kind of failure ({@code timeout}, {@code circuit-open}, …). */
    private static String reason(Throwable failure) {
        if (failure instanceof UpstreamException e) {
            return "upstream-" + e.status();
        }
        return UpstreamFailure.of(failure).map(UpstreamFailure::reason).orElse("unreachable");
    }

    private record Probe(Uni<HealthCheckResponse> answer, long expires) {
    }
}
