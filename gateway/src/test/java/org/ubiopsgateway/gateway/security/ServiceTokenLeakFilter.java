package org.ubiopsgateway.gateway.security;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.gateway.packaging.ExternalEmulatorResource;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fails the test when any answer of the gateway, header or body (binary bodies included: the token is ASCII,
 * so it is searched byte for byte), contains the UbiOps service token of the embedded or external emulator.
 */
final class ServiceTokenLeakFilter implements Filter {

    static final List<String> SERVICE_TOKENS = List.of(EmulatorOptions.DEFAULT_TOKEN, ExternalEmulatorResource.TOKEN);

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        String body = new String(answer.asByteArray(), StandardCharsets.ISO_8859_1);
        for (String token : SERVICE_TOKENS) {
            for (Header header : answer.getHeaders()) {
                if (header.getValue().contains(token)) {
                    throw new AssertionError("The UbiOps service token leaked in header " + header.getName()
                            + " of " + request.getMethod() + " " + request.getURI());
                }
            }
            if (body.contains(token)) {
                throw new AssertionError("The UbiOps service token leaked in the body of " + request.getMethod() + " " + request.getURI());
            }
        }
        return answer;
    }
}
