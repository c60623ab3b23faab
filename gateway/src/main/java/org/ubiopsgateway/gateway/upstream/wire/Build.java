package org.ubiopsgateway.gateway.upstream.wire;

/** A build of a revision (builds_get): {@code queued}, {@code building}, {@code validating}, {@code success} or {@code failed}. */
public record Build(String id, String revision, Timestamp creationDate, String status, String errorMessage,
                    String trigger, Boolean hasRequestMethod, Boolean hasRequestsMethod) {
}
