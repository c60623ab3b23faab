package org.ubiopsgateway.gateway.overview;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.ubiopsgateway.gateway.config.AtLeastOne;

import java.time.Duration;

/** How the project overview gathers its parts (GATEWAY_OVERVIEW_*). */
@ConfigMapping(prefix = "gateway.overview")
public interface OverviewConfig {

    /**
     * Deployments whose versions are fetched at once, per overview (GATEWAY_OVERVIEW_CONCURRENCY). The default
     * covers 50 deployments in one round; lower it to spread an overview's calls over more rounds.
     */
    @WithDefault("64")
    @WithConverter(AtLeastOne.class)
    int concurrency();

    /** Each upstream call of the overview gives up after this long; its part is then missing (GATEWAY_OVERVIEW_PART_TIMEOUT). */
    @WithDefault("5s")
    Duration partTimeout();

    /** The whole overview answers within this long, with what it has by then (GATEWAY_OVERVIEW_DEADLINE). */
    @WithDefault("10s")
    Duration deadline();

    /** Requests created within this window are counted (GATEWAY_OVERVIEW_REQUEST_WINDOW). */
    @WithDefault("24h")
    Duration requestWindow();

    /** At most this many of the newest requests are counted (GATEWAY_OVERVIEW_REQUEST_SAMPLE). */
    @WithDefault("500")
    @WithConverter(AtLeastOne.class)
    int requestSample();
}
