package org.ubiopsgateway.gateway.upstream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class UpstreamExceptionTest {

    @Test
    void redirectIsAnUpstreamFailureNotACallerError() {
        assertInstanceOf(UpstreamException.ServerError.class, UpstreamException.of(302, "Found", null));
        assertInstanceOf(UpstreamException.ServerError.class, UpstreamException.of(503, "Unavailable", null));
    }

    @Test
    void clientErrorsKeepTheirKindAndStatus() {
        assertInstanceOf(UpstreamException.NotFound.class, UpstreamException.of(404, "Deployment was not found", null));
        UpstreamException teapot = UpstreamException.of(418, "teapot", null);
        assertInstanceOf(UpstreamException.ClientError.class, teapot);
        assertEquals(418, teapot.status());
        assertEquals(7L, ((UpstreamException.RateLimited) UpstreamException.of(429, "slow down", 7L)).resetSeconds());
    }
}
