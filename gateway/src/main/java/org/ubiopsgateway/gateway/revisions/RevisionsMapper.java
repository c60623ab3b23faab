package org.ubiopsgateway.gateway.revisions;

import org.ubiopsgateway.gateway.rest.QueryValues;
import org.ubiopsgateway.gateway.upstream.wire.Timestamp;
import org.ubiopsgateway.model.revisions.Build;
import org.ubiopsgateway.model.revisions.BuildStatus;
import org.ubiopsgateway.model.revisions.Revision;

/** UbiOps's revisions and builds as the public surface shows them. */
final class RevisionsMapper {

    private RevisionsMapper() {
    }

    /** {@code buildId}: the build the request started, or null when the request did not start one. */
    static Revision revision(org.ubiopsgateway.gateway.upstream.wire.Revision wire, String buildId) {
        return new Revision(wire.id(), wire.version(), Timestamp.iso(wire.creationDate()), wire.createdBy(),
                QueryValues.known(BuildStatus.class, wire.status()), failure(wire.errorMessage()), wire.hasRequestMethod(),
                wire.hasRequestsMethod(), buildId);
    }

    static Build build(org.ubiopsgateway.gateway.upstream.wire.Build wire) {
        return new Build(wire.id(), wire.revision(), Timestamp.iso(wire.creationDate()), QueryValues.known(BuildStatus.class, wire.status()),
                failure(wire.errorMessage()), wire.trigger(), wire.hasRequestMethod(), wire.hasRequestsMethod());
    }

    /** Upstream sends {@code ""} when nothing failed; the surface says nothing then. */
    private static String failure(String errorMessage) {
        return errorMessage == null || errorMessage.isBlank() ? null : errorMessage;
    }
}
