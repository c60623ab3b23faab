package org.ubiopsgateway.gateway.upstream;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.FaultRule;
import org.ubiopsgateway.emulator.RateLimits;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upstream error answers become the matching {@link UpstreamException} with upstream's own message. */
@QuarkusTest
class UpstreamErrorMapperTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    UbiOpsProjects projects;

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void wrongTokenIsAuthenticationFailed() {
        UbiOpsProjects withWrongToken = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(emulator.baseUrl()))
                .register(new UpstreamErrorMapper())
                .register(new UpstreamAuthorization(UpstreamToken.authorizationHeader("not-the-token")))
                .build(UbiOpsProjects.class);
        UpstreamException.AuthenticationFailed e = assertThrows(UpstreamException.AuthenticationFailed.class,
                () -> withWrongToken.listProjects(null).await().atMost(WAIT));
        assertEquals(401, e.status());
        assertEquals("Invalid token.", e.upstreamMessage());
        assertTrue(e.getMessage().contains("401"));
        assertTrue(!e.getMessage().contains("not-the-token"), "the token never appears in the message");
    }

    @Test
    void exhaustedBudgetIsRateLimitedWithItsReset() {
        // No budget at all: the first call is answered 429 (after a call answered with x-ratelimit-remaining: 0 the
        // gateway would not call again).
        emulator.rateLimits().setLimit(RateLimits.Group.GENERAL, 0);
        emulator.rateLimits().setEnabled(true);
        UpstreamException.RateLimited e = assertThrows(UpstreamException.RateLimited.class,
                () -> projects.getProject("demo-project").await().atMost(WAIT));
        assertEquals(429, e.status());
        assertNotNull(e.resetSeconds());
        assertTrue(e.resetSeconds() >= 1 && e.resetSeconds() <= 60, "reset " + e.resetSeconds());
    }

    @Test
    void serverErrorsKeepStatusAndMessage() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects", 503, 1.0));
        UpstreamException.ServerError e = assertThrows(UpstreamException.ServerError.class,
                () -> projects.listProjects(null).await().atMost(WAIT));
        assertEquals(503, e.status());
        assertEquals("Injected fault", e.upstreamMessage());
    }

    @Test
    void otherClientErrorsAreClientErrors() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects", 418, 1.0).withTimes(1));
        UpstreamException.ClientError e = assertThrows(UpstreamException.ClientError.class,
                () -> projects.listProjects(null).await().atMost(WAIT));
        assertEquals(418, e.status());
        assertEquals(2, projects.listProjects(null).await().atMost(WAIT).size(), "the fault was used up");
    }

    @Test
    void forbiddenIsForbidden() {
        emulator.faults().add(FaultRule.error("/v2\\.1/projects/sandbox", 403, 1.0));
        assertThrows(UpstreamException.Forbidden.class, () -> projects.getProject("sandbox").await().atMost(WAIT));
    }
}
