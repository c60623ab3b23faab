package org.ubiopsgateway.model.overview;

import java.util.List;
import java.util.Map;

/**
 * A deployment on the project page.
 *
 * @param versions null when they could not be fetched (the overview's {@code missing} says why)
 */
public record DeploymentOverview(String name, String description, Map<String, String> labels,
                                 List<VersionOverview> versions) {
}
