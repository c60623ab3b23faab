package org.ubiopsgateway.gateway.eventloop;

import io.vertx.core.Context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One instance of something per event loop, made on the loop's first use of it; callers off any event loop share one
 * more. For HTTP clients: a Vert.x client opens its connections on the event loop of the request that needed them,
 * but hands a pooled connection to whichever loop asks next, and then every byte of the answer is read on the
 * connection's loop and handed over to the caller's. A client per loop only ever sees that loop's requests, so its
 * connections, and the answers on them, stay on the loop.
 */
public final class PerEventLoop<T> {

    private final Supplier<T> factory;
    private final Map<Thread, T> byLoop = new ConcurrentHashMap<>();
    private volatile T offLoop;

    public PerEventLoop(Supplier<T> factory) {
        this.factory = factory;
    }

    /** The calling event loop's instance, or the one for callers off any event loop. */
    public T get() {
        if (Context.isOnEventLoopThread()) {
            Thread loop = Thread.currentThread();
            T instance = byLoop.get(loop);
            return instance != null ? instance : byLoop.computeIfAbsent(loop, ignored -> factory.get());
        }
        T instance = offLoop;
        if (instance == null) {
            synchronized (this) {
                if (offLoop == null) {
                    offLoop = factory.get();
                }
                instance = offLoop;
            }
        }
        return instance;
    }
}
