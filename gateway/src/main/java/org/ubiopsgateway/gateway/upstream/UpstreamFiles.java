package org.ubiopsgateway.gateway.upstream;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.ubiopsgateway.gateway.resilience.EndpointGroup;
import org.ubiopsgateway.gateway.resilience.UpstreamBudget;
import org.ubiopsgateway.gateway.resilience.UpstreamCall;
import org.ubiopsgateway.gateway.resilience.UpstreamGuard;
import org.ubiopsgateway.gateway.upstream.wire.RevisionFile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * revisions_file_download, streamed. The REST client hands a {@code Uni<Response>} over only once the whole body is
 * in memory (seen: a {@code ByteBufInputStream} holding every byte), so the download goes through Vert.x's HTTP
 * client instead: the body is a {@code Multi} read as its subscriber asks, with the same token, error mapping and
 * {@link UpstreamGuard} (retried, like any GET, until the answer's headers arrive; never once the body flows).
 */
@ApplicationScoped
public class UpstreamFiles {

    /** Upstream's error bodies are small JSON; anything longer is cut before it is read. */
    private static final int MAX_ERROR_BODY = 64 * 1024;
    static final int MAX_CONCURRENT_DOWNLOADS = 64;
    private static final UpstreamCall DOWNLOAD = new UpstreamCall("downloadRevisionFile", EndpointGroup.FILES, true, false);

    private final UpstreamEndpoint endpoint;
    private final UpstreamConfig config;
    private final UpstreamGuard guard;
    private final UpstreamBudget budget;
    private final HttpClient client;

    public UpstreamFiles(UpstreamEndpoint endpoint, UpstreamConfig config, UpstreamGuard guard, UpstreamBudget budget,
                         Vertx vertx) {
        this.endpoint = endpoint;
        this.config = config;
        this.guard = guard;
        this.budget = budget;
        // A download holds its connection while the caller reads: Vert.x's default pool of 5 would queue the sixth.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(MAX_CONCURRENT_DOWNLOADS));
    }

    /** revisions_file_download: the package's name and its bytes as they arrive. Subscribe to the content once. */
    public Uni<RevisionFile> downloadRevisionFile(String project, String deployment, String version, String revisionId) {
        String uri = path("projects", project, "deployments", deployment, "versions", version, "revisions", revisionId,
                "download");
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
                .setIdleTimeout(config.readTimeout().toMillis())
                .setConnectTimeout(config.connectTimeout().toMillis()); // also bounds the wait for a pooled connection
        request.putHeader("Authorization", endpoint.authorization());
        return guard.call(DOWNLOAD, () -> client.request(request)
                .flatMap(r -> r.send())
                .flatMap(response -> {
                    budget.observe(DOWNLOAD.group(), response.statusCode(), response.getHeader("x-ratelimit-remaining"),
                            response.getHeader("x-ratelimit-reset"));
                    return response.statusCode() / 100 == 2 ? Uni.createFrom().item(file(response)) : error(response);
                }));
    }

    private static RevisionFile file(HttpClientResponse response) {
        // A caller that goes away cancels the stream: stop pulling the rest of the package from UbiOps too.
        return new RevisionFile(RevisionFile.fileName(response.getHeader("Content-Disposition")), length(response),
                response.toMulti().onCancellation().invoke(() -> response.request().reset()));
    }

    /** The declared length; null when absent or not a number (then the body is streamed without one). */
    private static Long length(HttpClientResponse response) {
        try {
            String length = response.getHeader("Content-Length");
            return length == null ? null : Long.valueOf(length.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads the (small) error body and maps it exactly as the REST clients do. */
    private static Uni<RevisionFile> error(HttpClientResponse response) {
        Long length = length(response);
        if (length == null || length > MAX_ERROR_BODY) {
            // Unknown or large: not read at all, so an endless error body cannot fill the heap.
            response.request().reset();
            return Uni.createFrom().failure(UpstreamException.of(response.statusCode(), response.statusMessage(), null));
        }
        return response.body().map(body -> {
            Response.ResponseBuilder answer = Response.status(response.statusCode(), response.statusMessage())
                    .entity(body.toString(StandardCharsets.UTF_8));
            String reset = response.getHeader("x-ratelimit-reset");
            if (reset != null) {
                answer.header("x-ratelimit-reset", reset);
            }
            throw new UpstreamErrorMapper().toThrowable(answer.build());
        });
    }

    /** The base URI plus path segments, each encoded with no safe characters (as the SDK does). */
    private String path(String... segments) {
        String base = endpoint.baseUri().toString().replaceAll("/+$", "");
        return base + Stream.of(segments)
                .map(s -> "/" + URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining());
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
