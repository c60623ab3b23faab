package org.ubiopsgateway.gateway.eventloop;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.client.impl.ClientRequestContextImpl;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientResponseFilter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records, while a test watches one project, the thread each stage of a request about it runs on: its arrival and
 * answer (a Vert.x route ahead of all others, {@link ThreadStagesRoute}), whether Quarkus REST handled it (a server
 * filter), and for each upstream call its sending, the thread its connection reads the answer on,
 * and the answer's handling (client filters, registered on every REST client as a {@code @Provider}; a response
 * filter that preserves the thread, as the gateway's own, so that recording does not move the answer elsewhere).
 */
@Provider
public class ThreadStages implements ClientRequestFilter, ResteasyReactiveClientResponseFilter {

    /** One stage of a request: its name, the thread it ran on, and what it concerned (a path). */
    public record Stage(String name, String thread, String path) {
    }

    private static final ConcurrentLinkedQueue<Stage> STAGES = new ConcurrentLinkedQueue<>();
    private static volatile String watched;

    /** Starts recording the requests under {@code /projects/{project}}, upstream and on the gateway's surface. */
    static void watch(String project) {
        STAGES.clear();
        watched = "/projects/" + project;
    }

    /** The stages recorded since {@link #watch}, in order; stops recording. */
    static List<Stage> stop() {
        watched = null;
        return new ArrayList<>(STAGES);
    }

    private static void record(String stage, String thread, String path) {
        String project = watched;
        if (project != null && (path.contains(project + "/") || path.endsWith(project))) {
            STAGES.add(new Stage(stage, thread, path));
        }
    }

    private static String here() {
        return Thread.currentThread().getName();
    }

    /** First of all routes: every request, whichever way it is answered. */
    static void arrival(RoutingContext routing) {
        String path = routing.normalizedPath();
        record("arrival", here(), path);
        routing.addHeadersEndHandler(v -> record("answer", here(), path));
        routing.next();
    }

    /** Only requests that Quarkus REST handles (not those answered before it, by cache.CachedAnswers or DirectReads). */
    @ServerRequestFilter(preMatching = true)
    public void quarkusRest(RoutingContext routing) {
        record("Quarkus REST", here(), routing.normalizedPath());
    }

    @Override
    public void filter(ClientRequestContext request) {
        record("upstream call sent", here(), request.getUri().getPath());
    }

    @Override
    public void filter(ResteasyReactiveClientRequestContext request, ClientResponseContext response) {
        if (watched == null) {
            return; // registered on every client of every test: nothing to do unless a test watches
        }
        String path = request.getUri().getPath();
        HttpClientResponse answer = ((ClientRequestContextImpl) request).getRestClientRequestContext()
                .getVertxClientResponse();
        if (answer != null) {
            var loop = ((ConnectionBase) answer.request().connection()).channel().eventLoop();
            // The connection reads the answer on its event loop: this one, or another that hands the answer over.
            record("upstream answer read", loop.inEventLoop() ? here() : "another event loop: " + loop, path);
        }
        record("upstream answer handled", here(), path);
    }
}
