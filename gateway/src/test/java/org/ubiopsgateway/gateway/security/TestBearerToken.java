package org.ubiopsgateway.gateway.security;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** For REST clients in tests what {@link DefaultTokenFilter} is for REST Assured: the admin token, unless one is set. */
public class TestBearerToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin());
        }
    }
}
