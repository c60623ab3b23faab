package org.ubiopsgateway.model.overview;

import org.ubiopsgateway.model.projects.Project;
import org.ubiopsgateway.model.projects.ProjectResources;
import org.ubiopsgateway.model.projects.Quota;

import java.util.List;

/**
 * Everything the portal's project page shows, in one answer. A part UbiOps could not give in time is null (an
 * empty list for lists of parts) and named in {@code missing}, and {@code complete} is false.
 *
 * @param resources    how many deployments, versions, pipelines, … the project holds
 * @param credits      credit usage of the current subscription period
 * @param deployments  each deployment with its versions
 * @param requests     deployment requests created in the recent window, counted by status
 * @param failedBuilds the versions whose latest revision failed to build
 */
public record ProjectOverview(Project project, ProjectResources resources, List<Quota> quotas, Credits credits,
                              List<DeploymentOverview> deployments, RequestCounts requests,
                              List<FailedBuild> failedBuilds, boolean complete, List<MissingPart> missing) {
}
