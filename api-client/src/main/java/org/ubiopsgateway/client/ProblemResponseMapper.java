package org.ubiopsgateway.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.ubiopsgateway.model.common.Problem;

/** Turns every error answer of the gateway into a {@link GatewayProblemException}. */
public class ProblemResponseMapper implements ResponseExceptionMapper<GatewayProblemException> {

    @Override
    public GatewayProblemException toThrowable(Response response) {
        Problem problem = null;
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.valueOf(Problem.MEDIA_TYPE)) || isJson(type)) {
            try {
                problem = response.readEntity(Problem.class);
            } catch (RuntimeException ignored) {
                // not a problem document after all: describe the status instead
            }
        }
        if (problem == null) {
            problem = new Problem("about:blank", response.getStatusInfo().getReasonPhrase(), response.getStatus(), null, null);
        }
        return new GatewayProblemException(problem);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static boolean isJson(MediaType type) {
        return type != null && type.getSubtype().endsWith("json");
    }
}
