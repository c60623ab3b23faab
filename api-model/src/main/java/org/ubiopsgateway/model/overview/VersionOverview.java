package org.ubiopsgateway.model.overview;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ubiopsgateway.model.deployments.InstanceTypeGroup;
import org.ubiopsgateway.model.deployments.Scaling;

/**
 * A version on the project page.
 *
 * @param isDefault         {@code default} in JSON: whether the deployment's requests go to this version
 * @param instanceTypeGroup null when UbiOps's version list leaves it out
 */
public record VersionOverview(String version, @JsonProperty("default") boolean isDefault, String status,
                              String environment, InstanceTypeGroup instanceTypeGroup, Scaling scaling,
                              String activeRevision, String latestRevision) {
}
