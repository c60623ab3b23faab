package org.ubiopsgateway.model.overview;

/** A version whose latest revision failed to build, with UbiOps's message. */
public record FailedBuild(String deployment, String version, String revision, String errorMessage) {
}
