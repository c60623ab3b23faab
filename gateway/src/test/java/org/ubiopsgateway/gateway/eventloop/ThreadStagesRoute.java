package org.ubiopsgateway.gateway.eventloop;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Installs {@link ThreadStages#arrival} ahead of every route of the gateway, the answers before Quarkus REST included. */
@ApplicationScoped
public class ThreadStagesRoute {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ThreadStages::arrival);
    }
}
