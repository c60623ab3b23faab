package org.ubiopsgateway.gateway.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Latency percentiles on dashboards need histogram buckets, which Micrometer does not publish by default. Routes and
 * upstream calls get a fixed, short list of buckets (from 5 ms to the 30 s upstream read timeout), so each series adds
 * a dozen bucket series and percentiles aggregate across replicas, which client-side percentiles cannot.
 */
@Singleton
public class LatencyHistograms {

    /** Timers that feed the dashboard's latency panels: routes, and upstream calls (per operation and raw). */
    static final Set<String> TIMED = Set.of("http.server.requests", "http.client.requests", "gateway.upstream.calls");

    private static final double[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter latencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMED.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
