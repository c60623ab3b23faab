package org.ubiopsgateway.gateway.security;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/** Gives every test request the admin token unless it brings its own, or asked for none. */
final class DefaultTokenFilter implements Filter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        if (request.getHeaders().hasHeaderWithName(TestTokens.NO_TOKEN)) {
            request.removeHeader(TestTokens.NO_TOKEN);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestTokens.admin());
        }
        return context.next(request, response);
    }
}
