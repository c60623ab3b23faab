package org.ubiopsgateway.gateway.eventloop;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What keeps a request on the event loop that accepted it (docs/request-path.md): waking another thread costs more
 * than the work handed to it on an idle machine.
 */
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * Where a timeout started now should be scheduled: on the calling event loop itself (a timer there wakes no other
     * thread, and fires on the loop the request lives on), else, off any event loop, Mutiny's default executor.
     * Mutiny's own default would schedule every timeout on a pool thread, waking it for each upstream call.
     */
    public static ScheduledExecutorService timers() {
        if (Vertx.currentContext() instanceof ContextInternal context && context.nettyEventLoop().inEventLoop()) {
            return context.nettyEventLoop();
        }
        return Infrastructure.getDefaultWorkerPool();
    }

    /**
     * Runs a task on {@code context}: at once when called on its event loop (switching to it when another context of
     * that loop is current: an upstream answer arrives on the REST client's own context), else, from another thread,
     * queued to it. For work resumed on another thread, loop or context that belongs on its own request's. Queued
     * also on the same loop, the task would wait for everything the loop has to do first: in an overview, the first
     * round's other answers, read in the same turn of the loop, delayed the second round.
     */
    public static Executor on(Context context) {
        return task -> {
            if (context == null || Vertx.currentContext() == context) {
                task.run();
            } else {
                ((ContextInternal) context).emit(ignored -> task.run());
            }
        };
    }

    /**
     * Runs tasks on the calling Vert.x context in the order given, in batches of one, two, four... tasks, each batch in
     * an event of its own queued once the batch before has run: whatever a batch queues on the loop itself runs before
     * the next batch. A round's first task runs at once when it is given on the context's own event loop: the second
     * round of an overview then starts as the deployment list is read, not after the first round's other answers, which
     * the loop would run first. On the calling thread when there is no context. For a round of upstream calls, each
     * of which leaves as it is started ({@link ClientCallsAtOnce}): a round of fifty does not hold the loop for all its
     * calls at once, and the loop's other events (other requests, the first round's answers) get turns between its
     * batches, for about log2(n) events more than all at once. Before the calls left at once, the batches were what
     * let the first ones leave early; started all at once since, the overview measured the same (docs/request-path.md).
     */
    public static Executor inGrowingBatches() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : new GrowingBatches(context);
    }

    private static final class GrowingBatches implements Executor {

        private final Context context;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean queued = new AtomicBoolean();
        /** Only touched on the context's event loop, by the batches, which run one at a time, and as tasks come. */
        private int batch = 1;

        GrowingBatches(Context context) {
            this.context = context;
        }

        @Override
        public void execute(Runnable task) {
            ContextInternal own = (ContextInternal) context;
            if (own.nettyEventLoop().inEventLoop() && batch == 1 && !queued.get() && tasks.isEmpty()) {
                batch = 2; // the round's other tasks, given in this same event, follow in batches
                own.emit(ignored -> task.run());
                return;
            }
            tasks.add(task);
            queueNext();
        }

        private void queueNext() {
            if (!tasks.isEmpty() && queued.compareAndSet(false, true)) {
                context.runOnContext(ignored -> runBatch());
            }
        }

        private void runBatch() {
            try {
                Runnable task;
                for (int i = 0; i < batch && (task = tasks.poll()) != null; i++) {
                    task.run();
                }
                // A round that has been started in full starts the next one (an overview's second) from one again.
                batch = tasks.isEmpty() ? 1 : batch * 2;
            } finally {
                queued.set(false);
                queueNext();
            }
        }
    }
}
