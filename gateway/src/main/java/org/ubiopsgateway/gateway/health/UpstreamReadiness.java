package org.ubiopsgateway.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.health.Readiness;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamEndpoint;
import org.ubiopsgateway.gateway.upstream.UpstreamException;

import java.time.Duration;

/** Ready when UbiOps answers a cheap authenticated call with the service token. */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(UpstreamReadiness.class);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final UbiOpsProjects projects;
    private final UpstreamEndpoint endpoint;

    public UpstreamReadiness(UbiOpsProjects projects, UpstreamEndpoint endpoint) {
        this.projects = projects;
        this.endpoint = endpoint;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String url = endpoint.baseUri().toString();
        return projects.listProjects(null)
                .ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(list -> HealthCheckResponse.named("ubiops").up().withData("url", url).build())
                .onFailure().recoverWithItem(failure -> {
                    // The health endpoint is open: it says what kind of failure, the log says the details.
                    LOG.warnf("UbiOps not ready: %s", failure.toString());
                    return HealthCheckResponse.named("ubiops").down()
                            .withData("url", url).withData("reason", reason(failure)).build();
                });
    }

    /** A fixed code: {@code upstream-<status>}, {@code timeout} or {@code unreachable}. */
    private static String reason(Throwable failure) {
        if (failure instanceof UpstreamException e) {
            return "upstream-" + e.status();
        }
        return failure instanceof io.smallrye.mutiny.TimeoutException ? "timeout" : "unreachable";
    }
}
