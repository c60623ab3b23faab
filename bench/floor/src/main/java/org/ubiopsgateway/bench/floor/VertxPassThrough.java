package org.ubiopsgateway.bench.floor;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The floor below Quarkus REST (bench/path-windows.sh): the same read forwarded by a plain Vert.x route with a Vert.x
 * HTTP client, no JAX-RS on either side; the least a Quarkus application can add without leaving Vert.x.
 */
@ApplicationScoped
public class VertxPassThrough {

    private final URI upstream;
    private HttpClient client;

    public VertxPassThrough(@ConfigProperty(name = "quarkus.rest-client.upstream.url") URI upstream) {
        this.upstream = upstream;
    }

    void route(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(8));
        router.get("/vertx-pass-through/projects/:project/users/:id").handler(this::forward);
    }

    private void forward(RoutingContext routing) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.getHost())
                .setPort(upstream.getPort())
                .setURI(upstream.getPath() + "/projects/" + routing.pathParam("project") + "/users/"
                        + routing.pathParam("id"))
                .putHeader("Authorization", routing.request().getHeader("Authorization"))
                .putHeader("Accept", "application/json");
        client.request(options)
                .compose(request -> request.send().compose(answer -> answer.body().map(body -> {
                    routing.response().setStatusCode(answer.statusCode())
                            .putHeader("Content-Type", "application/json").end(body);
                    return body;
                })))
                .onFailure(failure -> routing.response().setStatusCode(502).end());
    }
}
