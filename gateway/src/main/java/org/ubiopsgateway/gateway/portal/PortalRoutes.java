package org.ubiopsgateway.gateway.portal;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The portal's static files (META-INF/resources/portal) are answered only when the portal is enabled; otherwise
 * {@code /portal/} does not exist (404). The page is reachable without a token: it asks for one, and its calls to
 * {@code /api/v1} carry it.
 */
@ApplicationScoped
public class PortalRoutes {

    static final String PATH = "/portal";
    /** The page's own files only; its API calls may go to a gateway at another origin. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src *; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final PortalConfig config;

    public PortalRoutes(PortalConfig config) {
        this.config = config;
    }

    /** Ahead of the static-resource handler, which Quarkus adds last. */
    void install(@Observes Router router) {
        router.routeWithRegex(PATH + "(/.*)?").order(Integer.MIN_VALUE + 1).handler(this::page);
    }

    private void page(RoutingContext ctx) {
        if (!config.enabled()) {
            ctx.fail(404);
            return;
        }
        if (ctx.request().path().equals(PATH)) {
            ctx.redirect(PATH + "/");
            return;
        }
        // the files change with the gateway's version: the browser asks each time (ETag / Last-Modified)
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.next();
    }
}
