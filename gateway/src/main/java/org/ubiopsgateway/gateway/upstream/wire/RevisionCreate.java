package org.ubiopsgateway.gateway.upstream.wire;

/** The answer of revisions_file_upload; {@code build} is deprecated upstream. */
public record RevisionCreate(Boolean success, String revision, String build) {
}
