package org.ubiopsgateway.gateway.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.ubiopsgateway.gateway.eventloop.EventLoops;
import org.ubiopsgateway.gateway.eventloop.PerEventLoop;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.UpstreamRefused;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Fault tolerance around every upstream call, one mechanism for all of them (SmallRye Fault Tolerance's programmatic
 * API, since the REST clients are built by hand and CDI interceptors never see them). An attempt passes, outermost
 * first: a retry (idempotent calls only, exponential backoff with jitter, only after a 5xx, a timeout or a broken
 * connection), the metrics, the circuit breaker and bulkhead of the call's endpoint group, the upstream budget, and
 * a per-attempt timeout (Mutiny's, which cancels the HTTP exchange, unlike a timeout that only stops waiting).
 *
 * <p>Circuit breakers are per UbiOps endpoint group ({@code general}, {@code requests}, {@code files}): UbiOps rate
 * limits and, presumably, serves those groups apart, and a breaker per operation would need every one of fifty
 * operations to fail on its own before it stopped calling a UbiOps that is down. Only upstream failures count
 * against a circuit: 4xx answers, 429s and the gateway's own refusals do not.
 */
@Singleton
public class UpstreamGuard {

    private static final Logger LOG = Logger.getLogger(UpstreamGuard.class);
    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };
    private static final Set<UpstreamFailure> UPSTREAM_FAULTS =
            Set.of(UpstreamFailure.SERVER_ERROR, UpstreamFailure.TIMEOUT, UpstreamFailure.UNREACHABLE);
    /**
     * What the guards "offload" to: the calling thread itself. With thread offload off, SmallRye Fault Tolerance would
     * remember the calling Vert.x context and re-dispatch both the call and its outcome through it, twice per guard:
     * no other thread, but a queued task each time, behind whatever else the event loop has to do (an overview's
     * other answers, say). {@link #onCaller} brings an attempt back to its caller's context where it is needed.
     */
    private static final Executor INLINE = Runnable::run;
    /** A full bulkhead frees places as calls end, within about a second. */
    private static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final ResilienceConfig config;
    private final UpstreamBudget budget;
    private final MeterRegistry registry;
    private final CircuitBreakerMaintenance circuits;
    private final Guard retry;
    private final Map<EndpointGroup, Guard> groups = new EnumMap<>(EndpointGroup.class);
    private final Map<EndpointGroup, AtomicLong> openedAt = new EnumMap<>(EndpointGroup.class);
    private final Counter rateLimited;
    /** The attempt timers, by operation and outcome: registered once each, not looked up in the registry per call. */
    private final Map<String, Map<String, Timer>> timers = new ConcurrentHashMap<>();

    public UpstreamGuard(ResilienceConfig config, UpstreamBudget budget, MeterRegistry registry,
                         CircuitBreakerMaintenance circuits) {
        this.config = config;
        this.budget = budget;
        this.registry = registry;
        this.circuits = circuits;
        ResilienceConfig.Retry r = config.retry();
        this.retry = Guard.create().withDescription("upstream-retry")
                .withRetry().maxRetries(r.maxRetries())
                .delay(r.delay().toMillis(), ChronoUnit.MILLIS)
                .jitter(r.jitter().toMillis(), ChronoUnit.MILLIS)
                .maxDuration(r.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .whenException(UpstreamGuard::upstreamFault)
                .withExponentialBackoff().factor(2).maxDelay(r.maxDelay().toMillis(), ChronoUnit.MILLIS).done()
                .done()
                .withThreadOffload(true).withThreadOffloadExecutor(INLINE)
                .build();
        for (EndpointGroup group : EndpointGroup.values()) {
            openedAt.put(group, new AtomicLong());
            groups.put(group, groupGuard(group));
            Gauge.builder("gateway.circuit.state", () -> state(group))
                    .description("Circuit breaker of an UbiOps endpoint group: 0 closed, 1 open, 2 half-open")
                    .tag("circuit", group.key()).register(registry);
        }
        this.rateLimited = Counter.builder("gateway.rate.limited").tag("scope", "upstream")
                .description("Calls refused because UbiOps's rate limit or the gateway's budget of calls to it is spent")
                .register(registry);
    }

    /**
     * A client of {@code api} that guards each of its operations as {@link UpstreamCall#of} reads it, and calls it on
     * the calling event loop's own client from {@code clients}.
     */
    public <T> T wrap(Class<T> api, PerEventLoop<T> clients) {
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                new GuardedClient(this, clients)));
    }

    /** Runs {@code action} (one upstream attempt, called anew for each) under the policies for {@code call}. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(UpstreamCall call, Supplier<Uni<T>> action) {
        Context caller = Vertx.currentContext();
        Supplier<Uni<Object>> attempt = () -> measured(call, () -> attempt(call, caller,
                (Supplier<Uni<Object>>) (Supplier<?>) action));
        // The retry guard's Uni is lazy already: it starts an attempt when subscribed to.
        return (Uni<T>) (call.retryable() ? retry.get(attempt, UNI) : Uni.createFrom().deferred(attempt::get));
    }

    /** Closes every circuit and forgets every count, as after a restart. */
    public void reset() {
        groups.keySet().forEach(group -> circuits.reset(circuitName(group)));
        budget.reset();
    }

    /** The circuit state of {@code group}. */
    public CircuitBreakerState circuit(EndpointGroup group) {
        return circuits.currentState(circuitName(group));
    }

    private Uni<Object> attempt(UpstreamCall call, Context caller, Supplier<Uni<Object>> action) {
        Duration timeout = call.upload() ? config.uploadTimeout() : config.timeout();
        return groups.get(call.group())
                .get(() -> onCaller(caller, () -> budget.take(call.group()).chain(() -> action.get()
                        .ifNoItem().after(timeout).on(EventLoops.timers()).fail())), UNI)
                .onFailure().transform(e -> refusal(call.group(), e));
    }

    /** The guard's own refusals as the gateway's; any other failure as it is. */
    private Throwable refusal(EndpointGroup group, Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return circuitOpen(group);
        }
        if (failure instanceof BulkheadException) {
            return new UpstreamRefused(UpstreamFailure.BULKHEAD_FULL, BULKHEAD_RETRY_AFTER,
                    "Too many calls to UbiOps are in flight (endpoint group " + group.key() + ")");
        }
        return failure;
    }

    /**
     * {@code attempt}, started on the caller's Vert.x context: at once when this is it (every first attempt that was
     * not queued), else dispatched to it: a retry starts on the timer that ended its backoff, a call the bulkhead
     * queued on the thread of the call that made room, and either would otherwise call upstream from there, with
     * that thread's REST client, and read the answer there.
     */
    private static Uni<Object> onCaller(Context caller, Supplier<Uni<Object>> attempt) {
        if (caller == null || Vertx.currentContext() == caller) {
            return attempt.get();
        }
        return Uni.createFrom().deferred(attempt::get).runSubscriptionOn(EventLoops.on(caller));
    }

    /** {@code attempt}, timed from now: called as the attempt starts (by the retry guard, or when subscribed to). */
    private Uni<Object> measured(UpstreamCall call, Supplier<Uni<Object>> attempt) {
        Timer.Sample sample = Timer.start(registry);
        return attempt.get().onItemOrFailure().invoke((item, failure) -> {
            String outcome = outcome(failure);
            sample.stop(timer(call.operation(), outcome));
            if (outcome.equals("rate-limited")) {
                rateLimited.increment();
            }
        });
    }

    private Timer timer(String operation, String outcome) {
        Map<String, Timer> byOutcome = timers.computeIfAbsent(operation, ignored -> new ConcurrentHashMap<>());
        Timer timer = byOutcome.get(outcome);
        return timer != null ? timer : byOutcome.computeIfAbsent(outcome, ignored ->
                // Histogram buckets come from observability.LatencyHistograms, as for every timer on the dashboard.
                Timer.builder("gateway.upstream.calls")
                        .description("Attempts of calls to UbiOps, by client operation and outcome")
                        .tags("operation", operation, "outcome", outcome)
                        .register(registry));
    }

    private Guard groupGuard(EndpointGroup group) {
        ResilienceConfig.Circuit circuit = config.circuit();
        return Guard.create().withDescription("upstream-" + group.key())
                .withCircuitBreaker().name(circuitName(group))
                .requestVolumeThreshold(circuit.requestVolume())
                .failureRatio(circuit.failureRatio())
                .delay(circuit.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(circuit.successThreshold())
                .when(UpstreamGuard::upstreamFault)
                .onStateChange(state -> changed(group, state))
                .done()
                .withBulkhead().limit(config.bulkhead().maxConcurrent()).queueSize(config.bulkhead().queue()).done()
                .withThreadOffload(true).withThreadOffloadExecutor(INLINE)
                .build();
    }

    private void changed(EndpointGroup group, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt.get(group).set(System.currentTimeMillis());
        }
        LOG.warnf("Circuit for UbiOps endpoint group %s is %s", group.key(), state);
    }

    private UpstreamRefused circuitOpen(EndpointGroup group) {
        long left = openedAt.get(group).get() + config.circuit().delay().toMillis() - System.currentTimeMillis();
        return new UpstreamRefused(UpstreamFailure.CIRCUIT_OPEN, Duration.ofMillis(Math.max(1000, left)),
                "UbiOps failed repeatedly: calls to it are paused (endpoint group " + group.key() + ")");
    }

    private int state(EndpointGroup group) {
        return switch (circuit(group)) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }

    private static String circuitName(EndpointGroup group) {
        return "upstream-" + group.key();
    }

    /** A failure of UbiOps itself: worth a retry, and counted against its circuit. */
    static boolean upstreamFault(Throwable e) {
        return UpstreamFailure.of(e).filter(UPSTREAM_FAULTS::contains).isPresent();
    }

    /** The {@code outcome} tag of {@code gateway.upstream.calls}. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        UpstreamFailure kind = UpstreamFailure.of(failure).orElse(null);
        if (kind == null) {
            return failure instanceof UpstreamException ? "client-error" : "other";
        }
        return switch (kind) {
            case SERVER_ERROR -> "server-error";
            case TIMEOUT -> "timeout";
            case UNREACHABLE -> "unreachable";
            case RATE_LIMITED -> "rate-limited";
            case CIRCUIT_OPEN -> "circuit-open";
            case BULKHEAD_FULL -> "bulkhead-full";
        };
    }
}
