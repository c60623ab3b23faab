package org.ubiopsgateway.gateway.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /q/openapi}: the OpenAPI document made at build time (gateway/pom.xml), as YAML, or as JSON when asked by
 * {@code ?format=json} or {@code Accept: application/json}, as Quarkus's SmallRye OpenAPI extension answered. Nothing
 * happens at start-up: each form is read from the jar on its first request and kept. {@code /q/swagger-ui} leads to
 * Swagger UI's page, a static resource. The routes come after Quarkus's HTTP permissions, as any other route.
 */
@ApplicationScoped
public class OpenApiRoutes {

    private static final String DOCUMENT = "/q/openapi";
    private static final String SWAGGER_UI = "/q/swagger-ui";
    private static final Logger LOG = Logger.getLogger(OpenApiRoutes.class);

    private enum Format {
        YAML("application/yaml;charset=UTF-8"),
        JSON("application/json;charset=UTF-8");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String resource() {
            return "META-INF/openapi/openapi." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Format, byte[]> documents = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.get(DOCUMENT).handler(this::document);
        router.head(DOCUMENT).handler(this::document);
        router.get(SWAGGER_UI).handler(this::toSwaggerUi);
    }

    /** The page's files are relative to its directory; Vert.x matches that path with or without its slash. */
    private void toSwaggerUi(RoutingContext ctx) {
        if (ctx.request().path().equals(SWAGGER_UI)) {
            ctx.redirect(SWAGGER_UI + "/");
        } else {
            ctx.next();
        }
    }

    private void document(RoutingContext ctx) {
        Format format = format(ctx.request().getParam("format"), ctx.request().getHeader(HttpHeaders.ACCEPT));
        byte[] document = documents.computeIfAbsent(format, OpenApiRoutes::read);
        if (document == null) {
            ctx.fail(404);
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType).end(Buffer.buffer(document));
    }

    /** {@code ?format=json} or {@code yaml} (any case) first, then an Accept naming JSON; YAML otherwise. */
    private static Format format(String parameter, String accept) {
        for (Format format : Format.values()) {
            if (format.name().equalsIgnoreCase(parameter)) {
                return format;
            }
        }
        return accept != null && accept.contains("application/json") ? Format.JSON : Format.YAML;
    }

    /** The document in that form, or null (not kept: logged) when the build did not make it, e.g. run from an IDE. */
    private static byte[] read(Format format) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(format.resource())) {
            if (in == null) {
                LOG.errorf("%s is not in the application: the build makes it (./mvnw process-classes -pl gateway)",
                        format.resource());
                return null;
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
