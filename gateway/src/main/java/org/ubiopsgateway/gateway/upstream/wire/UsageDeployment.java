package org.ubiopsgateway.gateway.upstream.wire;

import java.util.List;

/** One deployment's credit usage per period; {@code versionId}/{@code version} appear when upstream splits per version. */
public record UsageDeployment(String deploymentId, String deploymentName, String versionId, String version,
                              List<UsagePeriod> data) {
}
