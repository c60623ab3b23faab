package org.ubiopsgateway.model.revisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ubiopsgateway.model.common.Identifiable;

/**
 * A revision of a version: one deployment package, as uploaded, copied or taken from a template.
 *
 * @param id                the revision's UUID
 * @param version           the version it belongs to
 * @param createdAt         when it was created (ISO-8601)
 * @param createdBy         who uploaded it ({@code UbiOps} when a service did)
 * @param status            its newest build's status
 * @param errorMessage      why that build failed; null unless it failed
 * @param hasRequestMethod  whether the package's code has a {@code request} method (known once built)
 * @param hasRequestsMethod whether it has a {@code requests} method (known once built)
 * @param buildId           the build this request started: only in the answer to an upload
 */
public record Revision(String id, String version, String createdAt, String createdBy, BuildStatus status,
                       String errorMessage, Boolean hasRequestMethod, Boolean hasRequestsMethod,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String buildId) implements Identifiable {

    @Override
    public String identifier() {
        return id;
    }
}
