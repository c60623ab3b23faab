package org.ubiopsgateway.model.revisions;

/**
 * A build of a revision: every upload, copy and rebuild starts one.
 *
 * @param id                the build's UUID
 * @param revisionId        the revision it builds
 * @param createdAt         when it was started (ISO-8601)
 * @param status            where it stands
 * @param errorMessage      why it failed; null unless it failed
 * @param trigger           what started it ({@code Deployment file upload}, {@code Rebuild}, …)
 * @param hasRequestMethod  whether the package's code has a {@code request} method (known once built)
 * @param hasRequestsMethod whether it has a {@code requests} method (known once built)
 */
public record Build(String id, String revisionId, String createdAt, BuildStatus status, String errorMessage,
                    String trigger, Boolean hasRequestMethod, Boolean hasRequestsMethod) {
}
