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
        CompletableFuture<List<String>> inTheEvent = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            Executor started = EventLoops.inGrowingBatches();
            startRound(context, started, 1, 7, events, done);
            inTheEvent.complete(List.copyOf(events));
        });
        done.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("start 1"), inTheEvent.get(),
                "only the first call starts in the event that hands them over");
        assertEquals(List.of("start 1", "send 1", "start 2", "start 3", "send 2", "send 3",
                "start 4", "start 5", "start 6", "start 7", "send 4", "send 5", "send 6", "send 7"), events);
    }

    @Test
    void aRoundStartedAfterTheLastOneWasStartedInFullStartsAtOnceAgain() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        CompletableFuture<Executor> executor = new CompletableFuture<>();
        CompletableFuture<List<String>> inTheEvent = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            executor.complete(EventLoops.inGrowingBatches());
            startRound(context, executor.join(), 1, 3, events, first);
        });
        first.get(10, TimeUnit.SECONDS);
        // as an overview's second round: started by an answer read on the REST client's context of the same loop
        ((ContextInternal) context).duplicate().runOnContext(ignored -> {
            startRound(context, executor.join(), 4, 5, events, second);
            inTheEvent.complete(List.copyOf(events));
        });
        second.get(10, TimeUnit.SECONDS);
        assertEquals("start 4", inTheEvent.get().get(inTheEvent.get().size() - 1),
                "the second round's first call starts in the event that hands it over");
        assertEquals(List.of("start 1", "send 1", "start 2", "start 3", "send 2", "send 3",
                "start 4", "send 4", "start 5", "send 5"), events);
    }

    /**
     * Starts calls {@code from} to {@code to} through {@code started}, noting each start (and a start on another
     * context than {@code context}) and send; {@code done} when the last one is sent.
     */
    private static void startRound(Context context, Executor started, int from, int to, List<String> events,
                                   CompletableFuture<Void> done) {
        IntStream.rangeClosed(from, to).forEach(i -> started.execute(() -> {
            events.add("start " + i + (Vertx.currentContext() == context ? "" : " on another context"));
            // as Quarkus's REST client sends a call: from a task it queues on the loop
            context.runOnContext(sent -> {
                events.add("send " + i);
                if (i == to) {
                    done.complete(null);
                }
            });
        }));
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
