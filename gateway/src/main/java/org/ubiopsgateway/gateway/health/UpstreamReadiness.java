package org.ubiopsgateway.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamEndpoint;
import org.ubiopsgateway.gateway.upstream.UpstreamException;

import java.time.Duration;

/** Ready when UbiOps answers a cheap authenticated call with the service token. */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

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
                .map(list -> HealthCheckResponse.named("ubiops").up()
                        .withData("url", url).withData("projects", list.size()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("ubiops").down()
                        .withData("url", url).withData("reason", reason(failure)).build());
    }

    private static String reason(Throwable failure) {
        if (failure instanceof UpstreamException e) {
            return "UbiOps answered " + e.status() + ": " + e.upstreamMessage();
        }
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return "no answer within " + PROBE_TIMEOUT.toSeconds() + "s";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
