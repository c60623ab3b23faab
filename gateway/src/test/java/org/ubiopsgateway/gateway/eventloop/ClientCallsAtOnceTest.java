package org.ubiopsgateway.gateway.eventloop;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.UbiOpsProjects;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upstream call made on an event loop leaves in the event that makes it (docs/request-path.md): not from a task
 * queued behind what the loop already had to do.
 */
@QuarkusTest
class ClientCallsAtOnceTest {

    @Inject
    Vertx vertx;

    @Inject
    UbiOpsProjects upstream;

    @Inject
    UbiOpsEmulator emulator;

    @Test
    void anUpstreamCallIsSentBeforeTheTasksTheLoopAlreadyHadQueued() throws Exception {
        Context context = vertx.getOrCreateContext();
        // the loop's client opens its connection on its first call: the call under test need not wait for one
        call(context).get(10, TimeUnit.SECONDS);
        emulator.journal().clear();

        CompletableFuture<Boolean> receivedBeforeTheQueuedTask = new CompletableFuture<>();
        CompletableFuture<String> answered = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            // queued first; it holds the loop until UbiOps has the call, or gives up: a call sent from a task queued
            // after it could not leave meanwhile
            context.runOnContext(next -> receivedBeforeTheQueuedTask.complete(upstreamAnsweredWithin(5_000)));
            callUpstream(answered);
        });
        assertTrue(receivedBeforeTheQueuedTask.get(10, TimeUnit.SECONDS),
                "UbiOps received the call while a task queued before it held the loop");
        assertEquals("demo-project", answered.get(10, TimeUnit.SECONDS));
    }

    private CompletableFuture<String> call(Context context) {
        CompletableFuture<String> answered = new CompletableFuture<>();
        context.runOnContext(ignored -> callUpstream(answered));
        return answered;
    }

    private void callUpstream(CompletableFuture<String> answered) {
        upstream.getProject("demo-project").subscribe().with(p -> answered.complete(p.name()),
                answered::completeExceptionally);
    }

    private boolean upstreamAnsweredWithin(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (emulator.journal().size() == 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return emulator.journal().size() > 0;
    }
}
