package org.ubiopsgateway.gateway.eventloop;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.impl.ContextInternal;
import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

import java.util.concurrent.Executor;

/**
 * Lets Quarkus's REST client send a call at once on the event loop it is made on, instead of from a task it queues
 * there. The client gives every call a nested Vert.x context of its own and moves the call onto it with
 * {@code runOnContext} just before sending ({@code ClientSwitchToRequestContextRestHandler}): a turn of the loop,
 * behind whatever the loop had queued first. In an overview, the second round's first call thus left only after the
 * first round's other answers, read in the same turn, had been handled (docs/request-path.md). Registered after every
 * other request filter, so those still run on the caller's context, it switches to the call's context itself, on the
 * same thread; the client then finds the call on its context and moves nothing. The answer goes on as the client
 * would have it: in a task queued on the call's context once the connection has been read (handled within the read,
 * the connection would not yet be free for the calls its answer starts). Off the call's event loop (a caller on a
 * worker thread), it leaves the client as it is.
 */
public final class ClientCallsAtOnce implements ResteasyReactiveClientRequestFilter {

    /** After every other request filter. */
    public static final int PRIORITY = Integer.MAX_VALUE;

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        if (request.getContext() instanceof ContextInternal call && call.nettyEventLoop().inEventLoop()) {
            RestClientRequestContext chain = request.unwrap(RestClientRequestContext.class);
            chain.suspend();
            chain.resume(new SendAtOnce(call));
        }
    }

    /** The client's executor for one call: the call's sending at once, anything after it queued as the client does. */
    private static final class SendAtOnce implements Executor {

        private final ContextInternal call;
        /** Only touched on the call's event loop. */
        private boolean sent;

        SendAtOnce(ContextInternal call) {
            this.call = call;
        }

        @Override
        public void execute(Runnable command) {
            if (!sent) {
                sent = true;
                EventLoops.on(call).execute(command);
            } else {
                // as the client's own executor: the caller's SmallRye context (OpenTelemetry's among it) carried over
                Runnable decorated = Infrastructure.decorate(command);
                call.runOnContext(ignored -> decorated.run());
            }
        }
    }
}
