package org.ubiopsgateway.model.deployments;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ubiopsgateway.model.common.Identifiable;

import java.util.Map;

/**
 * A version of a deployment: where and how it runs, and its state. Timestamps are ISO-8601, or upstream's text when
 * that is not a readable date.
 *
 * @param version           the version's name
 * @param isDefault         {@code default} in JSON: whether requests to the deployment go to this version
 * @param status            UbiOps's status of the version ({@code available} once a revision built, …)
 * @param activeRevision    the id of the revision that serves requests; null before the first successful build
 * @param latestRevision    the id of the newest revision; null before the first upload
 * @param instanceTypeGroup null in lists (UbiOps's list does not carry it), likewise {@code lastFileUpload} and
 *                          the request-method flags
 * @param hasRequestMethod  whether the latest revision has a {@code request} method ({@code hasRequestsMethod}:
 *                          a {@code requests} method); null before the first upload
 */
public record Version(String id, String deployment, String version, @JsonProperty("default") boolean isDefault,
                      String description, String environment, String environmentDisplayName, String status,
                      String activeRevision, String latestRevision, InstanceTypeGroup instanceTypeGroup,
                      Scaling scaling, Retention retention, Queue queue, Network network,
                      Boolean restartRequestInterruption, Boolean hasRequestMethod, Boolean hasRequestsMethod,
                      Map<String, String> labels, String creationDate, String lastUpdated, String lastFileUpload)
        implements Identifiable {

    @Override
    public String identifier() {
        return version;
    }
}
