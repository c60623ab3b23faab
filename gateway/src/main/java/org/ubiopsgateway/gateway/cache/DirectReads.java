package org.ubiopsgateway.gateway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.ubiopsgateway.contract.DeploymentsApi;
import org.ubiopsgateway.contract.ProjectUsersApi;
import org.ubiopsgateway.contract.ProjectsApi;
import org.ubiopsgateway.contract.RevisionsApi;
import org.ubiopsgateway.contract.VersionsApi;
import org.ubiopsgateway.gateway.deployments.DeploymentsResource;
import org.ubiopsgateway.gateway.deployments.VersionsResource;
import org.ubiopsgateway.gateway.error.ProblemMappers;
import org.ubiopsgateway.gateway.observability.ServerSpans;
import org.ubiopsgateway.gateway.projects.ProjectUsersResource;
import org.ubiopsgateway.gateway.projects.ProjectsResource;
import org.ubiopsgateway.gateway.revisions.RevisionsResource;
import org.ubiopsgateway.gateway.security.AccessFilter;
import org.ubiopsgateway.gateway.security.RouteTable;
import org.ubiopsgateway.gateway.security.SecurityHeaders;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads answered before Quarkus REST, on the Vert.x route after {@link CachedAnswers}: a GET of a route below (a
 * project, what it holds, its members, a deployment, a version, its revisions and builds), with no query and no body,
 * for a bearer token the gate verified on an earlier request, after the same gate decision (role, project) and caller
 * rate limit ({@link CachedAnswers#admits}). The resource method runs as Quarkus REST would run it, on the same bean
 * (so its path parameters are validated by the same interceptor), and its answer or failure is written as Quarkus REST
 * would write it: the same cache headers and JSON ({@link CachedAnswers#answer}), the same problem+json
 * ({@link ProblemMappers#toResponse}), under the route's template for metrics and tracing. Anything else goes the
 * whole way, as before. Why (Quarkus REST's handling of a paced pass-through, 0.4 ms at 50 ms upstream latency):
 * docs/request-path.md, "Reads answered before Quarkus REST".
 */
@ApplicationScoped
@RegisterForReflection(targets = {ProjectsApi.class, ProjectUsersApi.class, DeploymentsApi.class, VersionsApi.class,
        RevisionsApi.class})
public class DirectReads {

    /** Where a read answered here leaves its request for {@link ReadCache}, on the request's Vert.x context. */
    static final String REQUEST = DirectReads.class.getName() + ".request";
    private static final Logger LOG = Logger.getLogger(DirectReads.class);

    private final CachedAnswers answers;
    private final ObjectMapper json;
    private final ProblemMappers problems = new ProblemMappers();
    private final Map<RouteTable.Rule, Read> reads;

    public DirectReads(CachedAnswers answers, ObjectMapper json,
                       ProjectsResource projects, ProjectUsersResource users, DeploymentsResource deployments,
                       VersionsResource versions, RevisionsResource revisions) {
        this.answers = answers;
        this.json = json;
        // Reads whose resource and service need no request-scoped state (the caller's scope is the gate's decision).
        this.reads = Stream.of(
                        read(projects, ProjectsApi.class, "getProject"),
                        read(projects, ProjectsApi.class, "getResources"),
                        read(projects, ProjectsApi.class, "listQuotas"),
                        read(projects, ProjectsApi.class, "listInstanceTypes"),
                        read(users, ProjectUsersApi.class, "listUsers"),
                        read(users, ProjectUsersApi.class, "getUser"),
                        read(deployments, DeploymentsApi.class, "get"),
                        read(versions, VersionsApi.class, "get"),
                        read(revisions, RevisionsApi.class, "listRevisions"),
                        read(revisions, RevisionsApi.class, "getRevision"),
                        read(revisions, RevisionsApi.class, "getBuild"))
                .collect(Collectors.toUnmodifiableMap(Read::rule, Function.identity()));
    }

    /** A contract's GET method, the resource bean that implements it, and its route's rule in {@link RouteTable}. */
    private record Read(RouteTable.Rule rule, String template, Object resource, Method method, List<String> variables) {

        CompletionStage<?> invoke(Map<String, String> values) throws Throwable {
            Object[] arguments = variables.stream().map(values::get).toArray();
            try {
                return (CompletionStage<?>) method.invoke(resource, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // a path parameter the contract refuses, say
            }
        }
    }

    private static Read read(Object resource, Class<?> contract, String name) {
        Method method = Arrays.stream(contract.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(GET.class)).findFirst()
                .orElseThrow(() -> new IllegalStateException(contract.getSimpleName() + " has no GET method " + name));
        Path own = method.getAnnotation(Path.class);
        String template = join(contract.getAnnotation(Path.class).value(), own == null ? "" : own.value());
        RouteTable.Rule rule = RouteTable.API.rules().stream()
                .filter(r -> r.method().equals("GET") && (RouteTable.BASE + r.template()).equals(template)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No GET rule in RouteTable for " + template));
        List<String> variables = Arrays.stream(method.getParameters()).map(DirectReads::pathParameter).toList();
        return new Read(rule, template, resource, method, variables);
    }

    /** Two {@code @Path} values as JAX-RS joins them: one slash between, none at the end. */
    private static String join(String type, String method) {
        String joined = (type + "/" + method).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static String pathParameter(Parameter parameter) {
        PathParam name = parameter.getAnnotation(PathParam.class);
        if (name == null) {
            throw new IllegalStateException(parameter + " is not a path parameter: a direct read takes nothing else");
        }
        return name.value();
    }

    void install(@Observes Router router) {
        router.route().order(CachedAnswers.ORDER + 1).handler(this::serve);
    }

    private void serve(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String path = routing.normalizedPath();
        Read read;
        if (request.method() != HttpMethod.GET || request.query() != null || !RouteTable.covers(path)
                || AccessFilter.unsupportedPath(routing) != null || CachedAnswers.hasBody(request)
                || !CachedAnswers.acceptsPlainJson(request.getHeader(HttpHeaders.ACCEPT))
                || !(RouteTable.API.lookup(request.method().name(), path) instanceof RouteTable.Matched matched)
                || (read = reads.get(matched.rule())) == null
                || !answers.admits(request, matched)) {
            routing.next(); // the whole way: the gate, Quarkus REST, and their answers for anything unusual
            return;
        }
        Context context = Vertx.currentContext(); // the request's own
        context.putLocal(ServerSpans.ROUTE_TEMPLATE, read.template());
        context.putLocal(REQUEST, routing);
        CompletionStage<?> answer;
        try {
            answer = read.invoke(matched.variables());
        } catch (Throwable e) {
            fail(routing, e);
            return;
        }
        answer.whenComplete((value, failure) -> {
            if (failure == null) {
                succeed(routing, matched, value);
            } else {
                fail(routing, failure);
            }
        });
    }

    private void succeed(RoutingContext routing, RouteTable.Matched route, Object value) {
        HttpServerResponse response = routing.response();
        try {
            byte[] body = answers.answer(routing, value, route, List.of(),
                    routing.request().getHeader(HttpHeaders.IF_NONE_MATCH), response.headers()::set);
            if (body == null) {
                response.setStatusCode(304).end();
            } else {
                response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(Buffer.buffer(body));
            }
        } catch (JsonProcessingException e) {
            fail(routing, e);
        }
    }

    private void fail(RoutingContext routing, Throwable failure) {
        Response problem = problems.toResponse(failure);
        HttpServerResponse response = routing.response().setStatusCode(problem.getStatus());
        problem.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE.toString())) {
                values.forEach(value -> response.headers().add(name, value));
            }
        });
        response.headers().set(HttpHeaders.CONTENT_TYPE, problem.getMediaType().toString())
                .set(HttpHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        try {
            response.end(Buffer.buffer(json.writeValueAsBytes(problem.getEntity())));
        } catch (JsonProcessingException e) {
            LOG.error("A problem could not be written", e);
            response.setStatusCode(500).end();
        }
    }
}
