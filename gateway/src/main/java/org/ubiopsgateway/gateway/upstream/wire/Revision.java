package org.ubiopsgateway.gateway.upstream.wire;

/** A revision of a version (revisions_list, _get, _rebuild): {@code status} is its newest build's. */
public record Revision(String id, String version, Timestamp creationDate, String createdBy, String status,
                       String errorMessage, Boolean hasRequestMethod, Boolean hasRequestsMethod) {
}
