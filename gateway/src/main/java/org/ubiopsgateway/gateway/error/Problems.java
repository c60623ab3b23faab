package org.ubiopsgateway.gateway.error;

import jakarta.ws.rs.core.Response;
import org.ubiopsgateway.model.common.Problem;

import java.util.List;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemKind kind, int status, String detail) {
        return builder(kind, status, detail, null).build();
    }

    public static Response.ResponseBuilder builder(ProblemKind kind, int status, String detail,
                                                  List<Problem.Violation> violations) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(kind.type(), kind.title(), status, detail, violations));
    }
}
