package org.ubiopsgateway.model.revisions;

import org.ubiopsgateway.model.common.ResourceId;
import org.ubiopsgateway.model.common.ResourceName;

/**
 * Where a new revision's package comes from when none is uploaded: another version's package
 * ({@code sourceDeployment} and {@code sourceVersion} together, in the same project) or a template's
 * ({@code templateId}, see {@code GET /api/v1/templates}). Exactly one of the two.
 */
public record RevisionSource(
        @ResourceName
        String sourceDeployment,
        @ResourceName
        String sourceVersion,
        @ResourceId
        String templateId) {
}
