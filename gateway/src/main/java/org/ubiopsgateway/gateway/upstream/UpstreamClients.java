package org.ubiopsgateway.gateway.upstream;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForProxy;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.ubiopsgateway.gateway.eventloop.ClientCallsAtOnce;
import org.ubiopsgateway.gateway.eventloop.PerEventLoop;
import org.ubiopsgateway.gateway.resilience.RateLimitHeaders;
import org.ubiopsgateway.gateway.resilience.ResilienceConfig;
import org.ubiopsgateway.gateway.resilience.UpstreamBudget;
import org.ubiopsgateway.gateway.resilience.UpstreamGuard;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the upstream REST clients against the {@link UpstreamEndpoint} in force, so the same clients
 * talk to UbiOps in production and to the embedded emulator in dev mode and tests. Created at start-up, which
 * resolves the endpoint then: a gateway that cannot reach UbiOps for want of configuration stops at once.
 * (Not {@code @Startup} on the endpoint itself: a replaced {@code @DefaultBean} would still be started.)
 * Every client is handed out behind the {@link UpstreamGuard} (a JDK proxy, hence the native-image registrations),
 * which calls one instance of it per event loop ({@link PerEventLoop}): a request's upstream calls and their answers
 * then stay on the event loop that accepted the request.
 */
@Startup
@Singleton
@RegisterForProxy(targets = {UbiOpsProjects.class, UbiOpsDeployments.class})
@RegisterForReflection(targets = {UbiOpsProjects.class, UbiOpsDeployments.class})
public class UpstreamClients {

    private final UpstreamEndpoint endpoint;
    private final UpstreamConfig config;
    private final UpstreamGuard guard;
    private final UpstreamBudget budget;
    private final ResilienceConfig resilience;

    public UpstreamClients(UpstreamEndpoint endpoint, UpstreamConfig config, UpstreamGuard guard, UpstreamBudget budget,
                           ResilienceConfig resilience) {
        this.endpoint = endpoint;
        this.config = config;
        this.guard = guard;
        this.budget = budget;
        this.resilience = resilience;
    }

    @Produces
    @ApplicationScoped
    UbiOpsProjects projects() {
        return build(UbiOpsProjects.class, config.readTimeout());
    }

    @Produces
    @ApplicationScoped
    UbiOpsDeployments deployments() {
        // It uploads packages, whose sending alone may take longer than the read timeout: the client's timeout counts
        // from the request's start, so it must outlast the upload timeout (the guard bounds every other call anyway).
        Duration upload = resilience.uploadTimeout();
        return build(UbiOpsDeployments.class, upload.compareTo(config.readTimeout()) > 0 ? upload : config.readTimeout());
    }

    private <T> T build(Class<T> api, Duration readTimeout) {
        return guard.wrap(api, new PerEventLoop<>(() -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(endpoint.baseUri())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .register(new UpstreamErrorMapper())
                .register(new UpstreamAuthorization(endpoint.authorization()))
                .register(new UpstreamStatus())
                .register(new RateLimitHeaders(budget))
                .register(new ClientCallsAtOnce(), ClientCallsAtOnce.PRIORITY)
                .build(api)));
    }
}
