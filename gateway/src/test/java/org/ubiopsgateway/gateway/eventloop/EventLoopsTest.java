package org.ubiopsgateway.gateway.eventloop;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where and when the executors of {@link EventLoops} run what they are given. */
class EventLoopsTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void callsStartedInGrowingBatchesAreSentBeforeTheNextBatchIsStarted() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Executor started = EventLoops.inGrowingBatches();
            IntStream.rangeClosed(1, 7).forEach(i -> started.execute(() -> {
                assertSame(context, Vertx.currentContext());
                events.add("start " + i);
                // as Quarkus's REST client sends a call: from a task it queues on the loop
                context.runOnContext(sent -> {
                    events.add("send " + i);
                    if (i == 7) {
                        done.complete(null);
                    }
                });
            }));
            assertEquals(List.of(), events, "nothing is started in the event that hands the calls over");
        });
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("start 1", "send 1", "start 2", "start 3", "send 2", "send 3",
                "start 4", "start 5", "start 6", "start 7", "send 4", "send 5", "send 6", "send 7"), events);
    }

    @Test
    void aTaskForAnotherContextOfTheSameLoopRunsAtOnceOnThatContext() throws Exception {
        ContextInternal request = (ContextInternal) vertx.getOrCreateContext();
        ContextInternal client = request.duplicate();
        CompletableFuture<List<Object>> seen = new CompletableFuture<>();
        client.runOnContext(ignored -> {
            List<Object> during = new CopyOnWriteArrayList<>();
            EventLoops.on(request.duplicate()).execute(() -> during.add(Vertx.currentContext()));
            during.add(Vertx.currentContext());
            seen.complete(during);
        });
        List<Object> during = seen.get(10, TimeUnit.SECONDS);
        assertEquals(2, during.size(), "run before execute returned");
        assertTrue(during.get(0) != client && ((ContextInternal) during.get(0)).nettyEventLoop() == client.nettyEventLoop(),
                "run on the context it was given, on the same loop");
        assertSame(client, during.get(1), "the caller's context is current again afterwards");
    }

    @Test
    void aTaskFromAnotherThreadIsQueuedToItsContext() throws Exception {
        ContextInternal request = (ContextInternal) vertx.getOrCreateContext();
        CompletableFuture<Context> ranOn = new CompletableFuture<>();
        EventLoops.on(request).execute(() -> {
            assertTrue(request.nettyEventLoop().inEventLoop(), "on the context's loop");
            ranOn.complete(Vertx.currentContext());
        });
        assertSame(request, ranOn.get(10, TimeUnit.SECONDS));
    }
}
