package org.ubiopsgateway.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Forwards the bearer token of the request being served to the gateway, so a service calls the gateway as
 * its own caller. A token set explicitly on the outgoing call wins.
 */
public class BearerTokenPropagation implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!outgoing.containsKey(HttpHeaders.AUTHORIZATION) && incoming != null) {
            String authorization = incoming.getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
            }
        }
        return headers;
    }
}
