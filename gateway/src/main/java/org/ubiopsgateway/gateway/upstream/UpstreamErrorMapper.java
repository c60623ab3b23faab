package org.ubiopsgateway.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every non-2xx upstream answer into an {@link UpstreamException} with upstream's message. */
public final class UpstreamErrorMapper implements ResponseExceptionMapper<UpstreamException> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_LENGTH = 1000;

    @Override
    public UpstreamException toThrowable(Response response) {
        return UpstreamException.of(response.getStatus(), message(response), resetSeconds(response));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 300;
    }

    /** Upstream's message from {@code error}, {@code error_message} or {@code detail}, else the status text. */
    static String message(Response response) {
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException ignored) {
            // an unreadable body still leaves the status to report
        }
        String reason = response.getStatusInfo().getReasonPhrase();
        if (body == null || body.isBlank()) {
            return reason;
        }
        try {
            JsonNode node = JSON.readTree(body);
            for (String field : new String[] {"error", "error_message", "detail"}) {
                JsonNode value = node.get(field);
                if (value != null && !value.isNull()) {
                    return truncate(value.isTextual() ? value.asText() : value.toString());
                }
            }
        } catch (Exception ignored) {
            // not JSON: fall through to the status text rather than echo an arbitrary body
        }
        return reason;
    }

    private static Long resetSeconds(Response response) {
        String reset = response.getHeaderString("x-ratelimit-reset");
        try {
            return reset == null ? null : (long) Math.ceil(Double.parseDouble(reset.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
