package org.ubiopsgateway.model.revisions;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ubiopsgateway.model.common.Rules;

/**
 * Where a new revision's package comes from when none is uploaded: another version's package
 * ({@code sourceDeployment} and {@code sourceVersion} together, in the same project) or a template's
 * ({@code templateId}, see {@code GET /api/v1/templates}). Exactly one of the two.
 */
public record RevisionSource(
        @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_MESSAGE) @Size(max = Rules.NAME_MAX)
        String sourceDeployment,
        @Pattern(regexp = Rules.NAME_PATTERN, message = Rules.NAME_MESSAGE) @Size(max = Rules.NAME_MAX)
        String sourceVersion,
        @Pattern(regexp = Rules.ID_PATTERN, message = Rules.ID_MESSAGE)
        String templateId) {
}
