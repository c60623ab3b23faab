package org.ubiopsgateway.gateway.eventloop;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

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
}
