package org.ubiopsgateway.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;
import org.ubiopsgateway.gateway.upstream.UpstreamStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The audit line's upstream status: recorded on the calling request's own Vert.x context. */
@QuarkusTest
class UpstreamStatusTest {

    @Inject
    Vertx vertx;

    @Inject
    UbiOpsProjects projects;

    @Test
    void theLastUpstreamAnswerIsSeenOnTheRequestsContext() throws Exception {
        CompletableFuture<Integer[]> seen = new CompletableFuture<>();
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        context.runOnContext(ignored -> {
            Integer before = UpstreamStatus.last();
            projects.getProject("demo-project").subscribe().with(
                    project -> projects.getProject("no-such-project").subscribe().with(
                            p -> seen.completeExceptionally(new AssertionError("unexpected project")),
                            failure -> seen.complete(new Integer[]{before, UpstreamStatus.last()})),
                    seen::completeExceptionally);
        });
        Integer[] statuses = seen.get(10, TimeUnit.SECONDS);
        assertNull(statuses[0], "a fresh request has no upstream status");
        assertEquals(404, statuses[1], "the latest answer wins");
        assertNull(UpstreamStatus.last(), "nothing outside a request");
    }
}
