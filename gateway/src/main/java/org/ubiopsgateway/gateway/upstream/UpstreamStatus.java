package org.ubiopsgateway.gateway.upstream;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.client.ClientResponseContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientResponseFilter;

/**
 * Remembers the status of UbiOps's latest answer on the Vert.x context of the request being served (each
 * request has its own duplicated context), so the audit line can say what upstream answered. A
 * {@link ResteasyReactiveClientResponseFilter} runs on the thread the answer arrived on; a plain JAX-RS response filter
 * would be run on a worker thread and the answer handed back, two thread hand-offs per upstream call.
 */
public final class UpstreamStatus implements ResteasyReactiveClientResponseFilter {

    private static final String KEY = UpstreamStatus.class.getName();
    /** The REST client runs filters on a duplicated context of its own and names the caller's under this key. */
    private static final String CALLER_CONTEXT = "__PARENT_CONTEXT__";

    @Override
    public void filter(ResteasyReactiveClientRequestContext request, ClientResponseContext response) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(KEY, response.getStatus());
            // The caller may go on on its own context rather than the client's (the upstream guard does): there too.
            if (context.getLocal(CALLER_CONTEXT) instanceof Context caller && VertxContext.isDuplicatedContext(caller)) {
                caller.putLocal(KEY, response.getStatus());
            }
        }
    }

    /** The latest status for the request on this context; null when there was none. */
    public static Integer last() {
        Context context = Vertx.currentContext();
        return context == null || !VertxContext.isDuplicatedContext(context) ? null : context.getLocal(KEY);
    }
}
