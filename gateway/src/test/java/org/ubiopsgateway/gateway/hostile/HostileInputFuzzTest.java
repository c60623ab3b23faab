package org.ubiopsgateway.gateway.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.revisions.BodyLimitsConfig;
import org.ubiopsgateway.gateway.security.RouteTable;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated bad requests ({@link BadRequests}) over every route of the surface ({@link Surface}, read
 * from the application): each must be answered 4xx with a problem document, and none may reach UbiOps (the
 * embedded emulator's journal stays empty). Deterministic: the seed is printed, and {@code -Dfuzz.seed=…}
 * (and {@code -Dfuzz.requests=…}) repeat or widen a run.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final long SEED = 20260606L;
    private static final int REQUESTS = 2400;
    private static final int SHOWN = 25;

    @Inject
    UbiOpsEmulator emulator;

    @Inject
    BodyLimitsConfig limits;

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyRouteOfTheGateIsServedAndEveryServedRouteIsInTheGate() {
        List<Surface.Endpoint> endpoints = Surface.endpoints(resources());
        List<Surface.Route> routes = Surface.routes(endpoints);
        assertEquals(RouteTable.API.rules().size(), routes.size());
        routes.forEach(route -> assertTrue(!route.endpoints().isEmpty(), "no resource method serves " + route.rule().action()));
        endpoints.stream().filter(e -> RouteTable.covers(e.template())).forEach(endpoint -> assertTrue(
                routes.stream().anyMatch(route -> route.endpoints().contains(endpoint)),
                "the gate has no row for " + endpoint.httpMethod() + " " + endpoint.template()));
    }

    @Test
    void everyTextListAndMapOfEveryBodyHasAnUpperBound() {
        List<String> unbounded = BadRequests.bodyTypes(Surface.routes(Surface.endpoints(resources()))).stream()
                .flatMap(body -> JsonBodies.unbounded(body).stream()).toList();
        assertEquals(List.of(), unbounded, "fields that take a value of any length");
    }

    /** The bodies the fuzzer breaks one field of must pass the gateway's checks whole, or a break would prove nothing. */
    @Test
    void theBodiesTheFuzzerBreaksAreValidWhole() throws IOException {
        RawHttp http = new RawHttp(root.getHost(), root.getPort());
        for (BadRequests.Probe probe : BadRequests.validBodies(Surface.routes(Surface.endpoints(resources())))) {
            RawHttp.Answer answer = http.send(probe.request());
            assertTrue(answer.status() != 400 && answer.status() != 413 && answer.status() != 415,
                    probe.route() + " refused its valid body " + probe.what() + ": " + answer.status() + " " + answer.text());
        }
    }

    @Test
    void badRequestsAreRefusedWithProblemJsonAndNeverReachUpstream() {
        long seed = Long.getLong("fuzz.seed", SEED);
        int count = Integer.getInteger("fuzz.requests", REQUESTS);
        List<Surface.Route> routes = Surface.routes(Surface.endpoints(resources()));
        List<BadRequests.Probe> probes = new BadRequests(routes, seed, limits.body().asLongValue(), limits.upload().asLongValue())
                .generate(count);
        RawHttp http = new RawHttp(root.getHost(), root.getPort());
        String serviceToken = emulator.token();

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (BadRequests.Probe probe : probes) {
            categories.merge(probe.category(), 1, Integer::sum);
            String failure;
            int calls = emulator.journal().size();
            try {
                RawHttp.Answer answer = http.send(probe.request());
                statuses.merge(answer.status(), 1, Integer::sum);
                failure = problemIn(answer, serviceToken);
            } catch (IOException | RuntimeException e) {
                statuses.merge(0, 1, Integer::sum);
                failure = "no answer: " + e;
            }
            if (emulator.journal().size() != calls) {
                failure = (failure == null ? "" : failure + "; ") + "reached UbiOps";
            }
            if (failure != null) {
                failures.add(probe.category() + " | " + probe.route() + " | " + probe.what() + " | "
                        + JsonBodies.abbreviate(probe.request().method() + " " + probe.request().target()) + " -> " + failure);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<String> upstream = emulator.journal().entries().stream().map(Object::toString).toList();

        System.out.printf("%nHostile input fuzz: seed %d (-Dfuzz.seed=%d to repeat), %d routes%n", seed, seed, routes.size());
        System.out.printf("  requests sent:  %d in %d ms (%.0f/s)%n", probes.size(), millis, probes.size() * 1000.0 / Math.max(1, millis));
        System.out.printf("  by category:    %s%n", categories);
        System.out.printf("  statuses:       %s%n", statuses.entrySet().stream()
                .map(e -> (e.getKey() == 0 ? "no answer" : e.getKey()) + "=" + e.getValue()).collect(Collectors.joining(", ")));
        System.out.printf("  upstream calls: %d%n", upstream.size());
        upstream.stream().limit(SHOWN).forEach(call -> System.out.println("    " + call));
        System.out.printf("  failures:       %d%n", failures.size());
        failures.stream().limit(SHOWN).forEach(f -> System.out.println("    " + f));

        assertTrue(probes.size() >= 2000, "at least 2000 requests, was " + probes.size());
        assertEquals(List.of(), failures.stream().limit(SHOWN).toList(), failures.size() + " answers were not a 4xx problem document");
        assertEquals(List.of(), upstream, "bad requests reached UbiOps");
    }

    /** Null when the answer is a 4xx problem document that does not carry the service token; else what is wrong. */
    private static String problemIn(RawHttp.Answer answer, String serviceToken) {
        String body = answer.text();
        if (answer.status() < 400 || answer.status() >= 500) {
            return "status " + answer.status() + ": " + JsonBodies.abbreviate(body);
        }
        if (body.contains(serviceToken)) {
            return "the answer carries the service token";
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return answer.status() + " with Content-Type " + type + ": " + JsonBodies.abbreviate(body);
        }
        try {
            JsonNode problem = JsonBodies.JSON.readTree(body);
            if (problem.path("status").asInt() != answer.status() || !problem.path("type").asText().startsWith("urn:ubiops-gateway:problem:")
                    || problem.path("title").asText().isBlank()) {
                return answer.status() + " with a problem document that does not say so: " + JsonBodies.abbreviate(body);
            }
        } catch (IOException e) {
            return answer.status() + " with a body that is not JSON: " + JsonBodies.abbreviate(body);
        }
        return null;
    }

    /** The application's JAX-RS resource classes, as CDI knows them. */
    static List<Class<?>> resources() {
        return Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(Bean::getBeanClass).filter(Surface::isResource).distinct().toList();
    }
}
