package org.ubiopsgateway.gateway.error;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.UpstreamException;
import org.ubiopsgateway.gateway.upstream.UpstreamFailure;
import org.ubiopsgateway.gateway.upstream.UpstreamRefused;
import org.ubiopsgateway.model.common.Problem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A read answered before Quarkus REST (cache.DirectReads) maps its failure with {@link ProblemMappers#toResponse}: the
 * mapper Quarkus REST chooses for the same exception, found by its type, also when the answer's future wrapped it.
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void eachFailureGetsTheAnswerOfTheMapperForItsType() {
        UpstreamException notFound = UpstreamException.of(404, "Deployment not found", null);
        UpstreamRefused open = new UpstreamRefused(UpstreamFailure.CIRCUIT_OPEN, Duration.ofSeconds(7), "The circuit is open");
        BadRequest bad = BadRequest.of("limit", "must be at least 1");
        WebApplicationException gone = new WebApplicationException(410);
        NotFoundException unconvertible = new NotFoundException(new IllegalArgumentException("x"));
        IllegalStateException bug = new IllegalStateException("a bug");

        for (var pair : List.of(
                new Object[] {notFound, mappers.upstream(notFound)},
                new Object[] {open, mappers.refused(open)},
                new Object[] {bad, mappers.badRequest(bad)},
                new Object[] {gone, mappers.web(gone)},
                new Object[] {unconvertible, mappers.notFound(unconvertible)},
                new Object[] {bug, mappers.other(bug)})) {
            Throwable failure = (Throwable) pair[0];
            Response expected = (Response) pair[1];
            assertSame(expected, mappers.toResponse(failure), failure.toString());
            assertSame(expected, mappers.toResponse(new CompletionException(failure)), "wrapped: " + failure);
        }
    }

    private static void assertSame(Response expected, Response actual, String what) {
        assertEquals(expected.getStatus(), actual.getStatus(), what);
        assertEquals(expected.getMediaType(), actual.getMediaType(), what);
        assertEquals(expected.getHeaderString(HttpHeaders.RETRY_AFTER), actual.getHeaderString(HttpHeaders.RETRY_AFTER), what);
        Problem want = (Problem) expected.getEntity();
        Problem got = (Problem) actual.getEntity();
        assertEquals(want, got, what);
    }
}
