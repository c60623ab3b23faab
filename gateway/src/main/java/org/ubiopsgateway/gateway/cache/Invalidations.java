package org.ubiopsgateway.gateway.cache;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Read-your-writes: a mutation through the gateway drops what it changed, here and on every other replica. */
@ApplicationScoped
public class Invalidations {

    private final ReadCache cache;
    private final InvalidationBroadcast broadcast;

    public Invalidations(ReadCache cache, InvalidationBroadcast broadcast) {
        this.cache = cache;
        this.broadcast = broadcast;
    }

    /**
     * {@code mutation}, then the invalidation, before the caller hears back. Whatever the outcome: a failed or
     * timed-out call may still have changed upstream.
     */
    public <T> Uni<T> after(Uni<T> mutation, Invalidation changed) {
        return mutation.onTermination().call((item, failure, cancelled) -> invalidate(changed));
    }

    public Uni<Void> invalidate(Invalidation changed) {
        return Uni.createFrom().deferred(() -> {
            cache.evict(changed);
            return broadcast.publish(changed);
        });
    }
}
