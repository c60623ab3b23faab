package org.ubiopsgateway.model.overview;

/**
 * A part of the overview that is missing.
 *
 * @param part   which: {@code resources}, {@code quotas}, {@code credits}, {@code deployments}, {@code requests},
 *               {@code deployments/<name>/versions} or {@code deployments/<name>/versions/<version>/latestRevision}
 * @param reason a stable code: {@code timeout}, {@code deadline}, {@code unreachable}, {@code upstream-error},
 *               {@code rate-limited}, or {@code upstream-<status>} for another answer of UbiOps
 */
public record MissingPart(String part, String reason) {
}
