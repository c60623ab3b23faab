package org.ubiopsgateway.client;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import java.util.Optional;

/**
 * The bearer token each client sends to the gateway, first of:
 * <ol>
 *     <li>an {@code Authorization} header set explicitly on the outgoing call;</li>
 *     <li>the service's own token, when {@value #TOKEN} is configured ({@code UBIOPS_GATEWAY_TOKEN}): the service
 *     calls as itself, whoever it is serving;</li>
 *     <li>otherwise the bearer token of the request being served, so the service calls as its own caller.</li>
 * </ol>
 */
public class GatewayBearerToken implements ClientHeadersFactory {

    /** The service's own token (the JWT alone, without "Bearer "). */
    public static final String TOKEN = "ubiops-gateway.token";
    private static final String BEARER = "Bearer ";

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (outgoing.containsKey(HttpHeaders.AUTHORIZATION)) {
            return headers;
        }
        Optional<String> own = ConfigProvider.getConfig().getOptionalValue(TOKEN, String.class).map(String::strip)
                .filter(token -> !token.isEmpty());
        if (own.isPresent()) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, BEARER + own.get());
        } else if (incoming != null) {
            String authorization = incoming.getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
            }
        }
        return headers;
    }
}
