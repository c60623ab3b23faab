package org.ubiopsgateway.gateway.eventloop;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

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
     * Runs a task on {@code context}: at once when called there (or when there is none), else queued to it. For work
     * resumed on another thread or loop that belongs on its own request's loop.
     */
    public static Executor on(Context context) {
        return task -> {
            if (context == null || Vertx.currentContext() == context) {
                task.run();
            } else {
                context.runOnContext(ignored -> task.run());
            }
        };
    }

    /**
     * Runs a task on the calling Vert.x context once the event being handled now is done; on the calling thread when
     * there is no context. For a round of upstream calls started from an answer: Vert.x holds back what is written to
     * a connection while that connection's read is being handled, and flushes it when the read ends, so a call that
     * reused the answer's own connection would leave only once the whole round had been sent.
     */
    public static Executor afterThisEvent() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
