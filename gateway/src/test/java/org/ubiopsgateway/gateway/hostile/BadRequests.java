package org.ubiopsgateway.gateway.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import org.ubiopsgateway.gateway.security.RouteTable;
import org.ubiopsgateway.gateway.security.TestTokens;
import org.ubiopsgateway.model.common.Rules;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Generates requests the gateway must refuse, for every route of the {@link Surface}: each breaks exactly one rule
 * of the contract (a bad path or query parameter, a broken JSON, form or multipart body, a wrong content type,
 * method or Accept, a bad token, an oversized body) and is otherwise well formed, so whatever answers it, it must
 * be a 4xx problem document and never reach UbiOps. Deterministic for a given seed.
 */
final class BadRequests {

    /** A request and what it breaks. */
    record Probe(String category, String route, String what, RawHttp.Request request) {
    }

    /** Path segments, percent-encoded as sent; none is valid for any variable, none is a dot segment or empty. */
    private static final List<String> PATH_VALUES = List.of("a%2Fb", "a%2F..%2Fsandbox", "..%2F..%2Fetc", "a..b", "..a",
            "a%00b", "%00", "%0A", "a%0D%0Ab", "%7F", "%1B%5B31m", "%09", "x".repeat(65), "y".repeat(300), "z".repeat(2000),
            "%C3%A9t%C3%A9", "%E2%80%AE", "%F0%9F%98%80", "%FF%FE", "%C0%AE%C0%AE", "%EF%BB%BF", "UPPER", "Mixed-Case",
            "-lead", "9start", "a%20b", "%25", "%252F", "a%3Bb", "a;b", "a.b", "*", "a%5Cb", "%2e%2e%2fx", "a%3Fb",
            "a%23b", "%7B%7D", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", "%3Cscript%3E", "a+b", "'", "a%27%20OR%201%3D1",
            "..%5C..%5C");
    /** Query values that break text constraints (percent-encoded); each parameter gets the ones it refuses. */
    private static final List<String> QUERY_TEXT = List.of("UPPER", "a%00", "%0A", "a%20b", "x".repeat(65), "z".repeat(1500),
            "%C3%A9", "..%2F", "a:%01", "%2C", "a:b%2C", "not-a-date", "2024-13-01", "2024-02-30T25:00:00Z", "zz", "%FF",
            "-1", "%3Cscript%3E");
    private static final List<String> QUERY_NUMBERS = List.of("abc", "1.5", "1e3", "%201", "0x10", "99999999999", "-", "%00",
            "-2147483649", "1%2C2", "%EF%BC%91");
    private static final List<String> QUERY_BOOLEANS = List.of("yes", "1", "on", "%00", "truee", "t");
    private static final List<String> QUERY_NAMES = List.of("zzz", "LIMIT", "limit%5B%5D", "%00", "a%3Db", "x".repeat(500),
            "%C3%A9", "_", "Limit", "callback");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/octet-stream", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/json-patch+json", "application/merge-patch+json", "text/json", "application/jsonx", "image/png",
            ";;", "json", "application/x-ndjson");
    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "image/png", "text/csv",
            "application/zip", "application/pdf");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "PROPFIND", "FOO", "get", "M-SEARCH");
    private static final String BOUNDARY = "fuzz-boundary";
    /** A parameter without a size bound is sent this long: its request line stays under Quarkus's 4096 bytes. */
    private static final int LONG_PARAMETER = 1000;
    private static final String UUID = "6f1c0e52-1d2b-4c3a-9e8f-00000000f022";
    /** The routes that also get a real body over the limit, chunked. */
    private static final Set<String> CHUNKED_ROUTES = Set.of("POST /api/v1/projects",
            "PUT /api/v1/projects/{project}/environment-variables/{id}");

    private final List<Surface.Route> routes;
    private final Random random;
    private final String admin;
    private final long bodyLimit;
    private final long uploadLimit;
    private final List<String[]> badTokens;
    private final Map<String, BiFunction<Surface.Route, Random, Optional<Probe>>> categories = new LinkedHashMap<>();

    BadRequests(List<Surface.Route> routes, long seed, long bodyLimit, long uploadLimit) {
        this.routes = routes;
        this.random = new Random(seed);
        this.admin = "Bearer " + TestTokens.admin();
        this.bodyLimit = bodyLimit;
        this.uploadLimit = uploadLimit;
        this.badTokens = badTokens();
        categories.put("path parameter", this::pathParameter);
        categories.put("query parameter", this::queryParameter);
        categories.put("json field", this::jsonField);
        categories.put("malformed json", this::malformedJson);
        categories.put("form field", this::formField);
        categories.put("multipart", this::multipart);
        categories.put("content type", this::contentType);
        categories.put("method", this::method);
        categories.put("accept", this::accept);
        categories.put("token", this::token);
    }

    /**
     * At least {@code count} probes: first one of every category for every route it applies to, every mutation of
     * every JSON body and the oversized bodies; then random ones.
     */
    List<Probe> generate(int count) {
        List<Probe> probes = new ArrayList<>();
        for (Surface.Route route : routes) {
            categories.values().forEach(category -> category.apply(route, random).ifPresent(probes::add));
            for (Surface.Endpoint endpoint : jsonEndpoints(route)) {
                for (JsonBodies.Mutation mutation : JsonBodies.mutations(bodyType(endpoint))) {
                    probes.add(json(route, endpoint, "json field", mutation.kind() + ": " + mutation.where(), mutation.body()));
                }
                malformed(endpoint).forEach((name, body) -> probes.add(json(route, endpoint, "malformed json", name, body)));
            }
            formBodies(route).forEach((name, body) -> probes.add(form(route, name, body)));
            multipartBodies(route).forEach((name, body) -> probes.add(multipart(route, name, body)));
            probes.addAll(oversized(route));
            probes.addAll(overLong(route));
        }
        List<String> names = List.copyOf(categories.keySet());
        while (probes.size() < count) {
            Surface.Route route = routes.get(random.nextInt(routes.size()));
            categories.get(names.get(random.nextInt(names.size()))).apply(route, random).ifPresent(probes::add);
        }
        return probes;
    }

    /** The JSON body types of the routes. */
    static List<Class<?>> bodyTypes(List<Surface.Route> routes) {
        return routes.stream().flatMap(route -> jsonEndpoints(route).stream()).map(BadRequests::bodyType).distinct().toList();
    }

    /** Every JSON endpoint with the valid body its mutations start from, as an admin would send it. */
    static List<Probe> validBodies(List<Surface.Route> routes) {
        BadRequests requests = new BadRequests(routes, 0, 0, 0);
        List<Probe> probes = new ArrayList<>();
        for (Surface.Route route : routes) {
            for (Surface.Endpoint endpoint : jsonEndpoints(route)) {
                byte[] body = JsonBodies.bytes(JsonBodies.valid(bodyType(endpoint)));
                probes.add(requests.json(route, endpoint, "valid", new String(body, StandardCharsets.UTF_8), body));
            }
        }
        return probes;
    }

    // ---- categories

    private Optional<Probe> pathParameter(Surface.Route route, Random random) {
        List<String> variables = route.variables();
        if (variables.isEmpty()) {
            return Optional.empty();
        }
        String variable = variables.get(random.nextInt(variables.size()));
        List<Annotation> constraints = pathConstraints(route, variable);
        List<String> bad = PATH_VALUES.stream().filter(value -> !JsonBodies.accepts(constraints, decode(value))).toList();
        if (bad.isEmpty()) {
            throw new IllegalStateException(route.rule().action() + " " + variable + " takes every value: " + constraints);
        }
        String value = bad.get(random.nextInt(bad.size()));
        Map<String, String> values = validVariables(route);
        values.put(variable, value);
        return Optional.of(probe("path parameter", route, variable + "=" + JsonBodies.abbreviate(value), route.rule().method(),
                fill(route, values), withBodyFor(route)));
    }

    /**
     * Every path variable and text query parameter of a route one character over its bound, otherwise valid (the
     * JSON fields get theirs from {@link JsonBodies#mutations}). A parameter without a {@code @Size} is sent
     * {@link #LONG_PARAMETER} long, and its pattern must refuse that.
     */
    private List<Probe> overLong(Surface.Route route) {
        List<Probe> probes = new ArrayList<>();
        for (String variable : route.variables()) {
            List<Annotation> constraints = pathConstraints(route, variable);
            Map<String, String> values = validVariables(route);
            String value = encode(JsonBodies.grown(constraints, decode(values.get(variable)), overBound(constraints)));
            values.put(variable, value);
            probes.add(probe("over-long", route, variable + "=" + JsonBodies.abbreviate(value), route.rule().method(),
                    fill(route, values), withBodyFor(route)));
        }
        for (Parameter parameter : route.endpoints().get(0).query()) {
            List<Annotation> constraints = List.of(parameter.getAnnotations());
            if (parameter.getType() == String.class) {
                String name = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class).value();
                String value = encode(JsonBodies.grown(constraints, validText(parameter), overBound(constraints)));
                probes.add(probe("over-long", route, name + "=" + JsonBodies.abbreviate(value), route.rule().method(),
                        fill(route, validVariables(route)) + "?" + name + "=" + value, withBodyFor(route)));
            }
        }
        return probes;
    }

    /** One over a parameter's {@code @Size}, or {@link #LONG_PARAMETER} without one. */
    private static int overBound(List<Annotation> constraints) {
        return JsonBodies.sizeMax(constraints).map(max -> max + 1).orElse(LONG_PARAMETER);
    }

    private Optional<Probe> queryParameter(Surface.Route route, Random random) {
        Surface.Endpoint endpoint = route.endpoints().get(0);
        List<Parameter> declared = endpoint.query();
        int kind = random.nextInt(declared.isEmpty() ? 1 : 3);
        String query;
        String what;
        if (kind == 0) {
            String name = QUERY_NAMES.get(random.nextInt(QUERY_NAMES.size()));
            query = name + "=1";
            what = "unknown " + JsonBodies.abbreviate(name);
        } else {
            Parameter parameter = declared.get(random.nextInt(declared.size()));
            String name = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class).value();
            List<String> bad = badQueryValues(parameter);
            if (kind == 1 || bad.isEmpty()) {
                String value = validQueryValue(parameter);
                query = name + "=" + value + "&" + name + "=" + value;
                what = "repeated " + name;
            } else {
                String value = bad.get(random.nextInt(bad.size()));
                query = name + "=" + value;
                what = name + "=" + JsonBodies.abbreviate(value);
            }
        }
        String target = fill(route, validVariables(route)) + "?" + query;
        return Optional.of(probe("query parameter", route, what, route.rule().method(), target, withBodyFor(route)));
    }

    private Optional<Probe> jsonField(Surface.Route route, Random random) {
        List<Surface.Endpoint> json = jsonEndpoints(route);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Surface.Endpoint endpoint = json.get(random.nextInt(json.size()));
        List<JsonBodies.Mutation> mutations = JsonBodies.mutations(bodyType(endpoint));
        JsonBodies.Mutation mutation = mutations.get(random.nextInt(mutations.size()));
        return Optional.of(json(route, endpoint, "json field", mutation.kind() + ": " + mutation.where(), mutation.body()));
    }

    private Optional<Probe> malformedJson(Surface.Route route, Random random) {
        List<Surface.Endpoint> json = jsonEndpoints(route);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Surface.Endpoint endpoint = json.get(random.nextInt(json.size()));
        Map<String, byte[]> malformed = malformed(endpoint);
        return pick(malformed, random).map(name -> json(route, endpoint, "malformed json", name, malformed.get(name)));
    }

    private Optional<Probe> formField(Surface.Route route, Random random) {
        return pick(formBodies(route), random).map(name -> form(route, name, formBodies(route).get(name)));
    }

    private Optional<Probe> multipart(Surface.Route route, Random random) {
        return pick(multipartBodies(route), random).map(name -> multipart(route, name, multipartBodies(route).get(name)));
    }

    private static Optional<String> pick(Map<String, ?> choices, Random random) {
        List<String> names = List.copyOf(choices.keySet());
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(random.nextInt(names.size())));
    }

    private Probe form(Surface.Route route, String what, byte[] body) {
        return probe("form field", route, what, route.rule().method(), fill(route, validVariables(route)),
                headers("Content-Type", "application/x-www-form-urlencoded"), body);
    }

    private Probe multipart(Surface.Route route, String what, byte[] body) {
        return probe("multipart", route, what, route.rule().method(), fill(route, validVariables(route)),
                headers("Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body);
    }

    /** Form bodies (for a route that reads a form) that break its fields or its one-source rule. */
    private static Map<String, byte[]> formBodies(Surface.Route route) {
        Optional<Surface.Endpoint> form = route.endpoints().stream().filter(e -> !e.form().isEmpty() && !e.multipart()).findFirst();
        Map<String, String> bodies = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return Map.of();
        }
        for (Parameter field : form.get().form()) {
            String name = formName(field);
            List<Annotation> constraints = JsonBodies.constraints(field.getAnnotations());
            JsonBodies.BAD_TEXT.stream().filter(text -> !JsonBodies.accepts(constraints, text))
                    .forEach(text -> bodies.put(name + " refused: " + JsonBodies.abbreviate(text), name + "=" + encode(text)));
        }
        bodies.put("no source", "");
        bodies.put("only an unknown field", "source=" + UUID);
        bodies.put("every source at once", form.get().form().stream()
                .map(f -> formName(f) + "=" + encode(validText(f))).collect(Collectors.joining("&")));
        bodies.put("a field over the attribute limit", "templateId=" + "a".repeat(3000));
        bodies.put("a broken escape", "templateId=%zz");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        bodies.forEach((name, body) -> bytes.put(name, body.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** Multipart bodies (for the upload) that break a field, the one-source rule or the multipart framing. */
    private static Map<String, byte[]> multipartBodies(Surface.Route route) {
        Optional<Surface.Endpoint> upload = route.endpoints().stream().filter(Surface.Endpoint::multipart).findFirst();
        if (upload.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (Parameter field : upload.get().form()) {
            String name = formName(field);
            if (field.getType() == String.class) {
                List<Annotation> constraints = JsonBodies.constraints(field.getAnnotations());
                JsonBodies.BAD_TEXT.stream().filter(text -> !JsonBodies.accepts(constraints, text)).forEach(text ->
                        bodies.put(name + " refused: " + JsonBodies.abbreviate(text), parts(Map.of(name, text), false)));
            }
        }
        bodies.put("no part at all", parts(Map.of(), false));
        bodies.put("an unknown part only", parts(Map.of("package", "x"), false));
        bodies.put("a file and a template", parts(Map.of("templateId", UUID), true));
        bodies.put("a part over the attribute limit", parts(Map.of("templateId", "a".repeat(3000)), false));
        bodies.put("no boundary line", "garbage".getBytes(StandardCharsets.US_ASCII));
        bodies.put("no closing boundary", ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"templateId\"\r\n\r\n"
                + UUID).getBytes(StandardCharsets.US_ASCII));
        bodies.put("a broken part header", ("--" + BOUNDARY + "\r\nbroken header\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        bodies.put("another boundary", ("--other\r\nContent-Disposition: form-data; name=\"templateId\"\r\n\r\n" + UUID
                + "\r\n--other--\r\n").getBytes(StandardCharsets.US_ASCII));
        return bodies;
    }

    private Optional<Probe> contentType(Surface.Route route, Random random) {
        List<String> consumed = route.consumes();
        if (consumed.isEmpty()) {
            return Optional.empty();
        }
        List<String> wrong = CONTENT_TYPES.stream().filter(type -> consumed.stream().noneMatch(c -> sameType(c, type))).toList();
        String type = wrong.get(random.nextInt(wrong.size()));
        byte[] body = jsonEndpoints(route).stream().findFirst()
                .map(e -> JsonBodies.bytes(JsonBodies.valid(bodyType(e)))).orElse("{}".getBytes(StandardCharsets.UTF_8));
        return Optional.of(probe("content type", route, type, route.rule().method(), fill(route, validVariables(route)),
                headers("Content-Type", type), body));
    }

    private Optional<Probe> method(Surface.Route route, Random random) {
        String path = fill(route, validVariables(route));
        List<String> wrong = METHODS.stream()
                .filter(m -> !(RouteTable.API.lookup(m, path) instanceof RouteTable.Matched)).toList();
        String method = wrong.get(random.nextInt(wrong.size()));
        return Optional.of(probe("method", route, method, method, path, List.of(), null));
    }

    private Optional<Probe> accept(Surface.Route route, Random random) {
        if (!route.rule().method().equals("GET")) {
            return Optional.empty();
        }
        List<String> produced = route.endpoints().get(0).produces();
        List<String> wrong = ACCEPTS.stream().filter(type -> produced.stream().noneMatch(p -> sameType(p, type))).toList();
        String type = wrong.get(random.nextInt(wrong.size()));
        return Optional.of(probe("accept", route, type, "GET", fill(route, validVariables(route)), headers("Accept", type), null));
    }

    private Optional<Probe> token(Surface.Route route, Random random) {
        String[] token = badTokens.get(random.nextInt(badTokens.size()));
        List<String[]> headers = token[1] == null ? List.of() : headers("Authorization", token[1]);
        Surface.Endpoint endpoint = route.endpoints().get(0);
        byte[] body = endpoint.body().isPresent() && endpoint.consumes().contains("application/json")
                ? JsonBodies.bytes(JsonBodies.valid(bodyType(endpoint))) : null;
        List<String[]> all = new ArrayList<>(headers);
        if (body != null) {
            all.addAll(headers("Content-Type", "application/json"));
        }
        return Optional.of(new Probe("token", route.rule().action(), token[0],
                new RawHttp.Request(route.rule().method(), fill(route, validVariables(route)), all, body, false)));
    }

    /** Bodies over the limits: declared (refused from the head alone) and, for JSON, sent chunked without a length. */
    private List<Probe> oversized(Surface.Route route) {
        List<Probe> probes = new ArrayList<>();
        String path = fill(route, validVariables(route));
        if (!jsonEndpoints(route).isEmpty()) {
            probes.add(declared(route, path, "application/json", bodyLimit + 1));
        }
        if (CHUNKED_ROUTES.contains(route.rule().action())) {
            // Counted while read: a few suffice (ten megabytes each), they prove the count, not the route.
            byte[] big = ("{\"name\":\"" + "a".repeat((int) bodyLimit) + "\"}").getBytes(StandardCharsets.US_ASCII);
            probes.add(new Probe("oversized", route.rule().action(), "chunked JSON over the body limit",
                    new RawHttp.Request(route.rule().method(), path, withAuth(headers("Content-Type", "application/json")), big, true)));
        }
        if (route.endpoints().stream().anyMatch(Surface.Endpoint::multipart)) {
            probes.add(declared(route, path, "multipart/form-data; boundary=" + BOUNDARY, uploadLimit + 1));
        }
        if (route.endpoints().stream().anyMatch(e -> !e.form().isEmpty() && !e.multipart())) {
            probes.add(declared(route, path, "application/x-www-form-urlencoded", bodyLimit + 1));
        }
        return probes;
    }

    private Probe declared(Surface.Route route, String path, String type, long length) {
        return new Probe("oversized", route.rule().action(), "declared " + length + " bytes of " + type,
                new RawHttp.Request(route.rule().method(), path, withAuth(headers("Content-Type", type,
                        "Content-Length", Long.toString(length), "Expect", "100-continue")), null, false));
    }

    // ---- helpers

    private Probe json(Surface.Route route, Surface.Endpoint endpoint, String category, String what, byte[] body) {
        return probe(category, route, what, endpoint.httpMethod(), fill(route, validVariables(route)),
                headers("Content-Type", "application/json"), body);
    }

    private Probe probe(String category, Surface.Route route, String what, String method, String target,
                        List<String[]> headers, byte[] body) {
        return new Probe(category, route.rule().action(), what,
                new RawHttp.Request(method, target, withAuth(headers), body, false));
    }

    private Probe probe(String category, Surface.Route route, String what, String method, String target, byte[] body) {
        return probe(category, route, what, method, target,
                body == null ? List.of() : headers("Content-Type", "application/json"), body);
    }

    /** A valid body for a route that takes one, so that only the part under test is wrong. */
    private byte[] withBodyFor(Surface.Route route) {
        return jsonEndpoints(route).stream().findFirst().map(e -> JsonBodies.bytes(JsonBodies.valid(bodyType(e)))).orElse(null);
    }

    private List<String[]> withAuth(List<String[]> headers) {
        List<String[]> all = new ArrayList<>(headers("Authorization", admin));
        all.addAll(headers);
        return all;
    }

    private static List<String[]> headers(String... namesAndValues) {
        List<String[]> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        }
        return headers;
    }

    private static List<Surface.Endpoint> jsonEndpoints(Surface.Route route) {
        return route.endpoints().stream()
                .filter(e -> e.consumes().contains("application/json") && e.body().isPresent()).toList();
    }

    private static Class<?> bodyType(Surface.Endpoint endpoint) {
        return endpoint.body().orElseThrow().getType();
    }

    /** Broken JSON: not JSON at all, or JSON of the wrong shape for the body. */
    private static Map<String, byte[]> malformed(Surface.Endpoint endpoint) {
        ObjectNode valid = JsonBodies.valid(bodyType(endpoint));
        String text = valid.toString();
        String first = valid.fieldNames().next();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("truncated", text.substring(0, text.length() / 2));
        bodies.put("trailing garbage", text + " trailing");
        bodies.put("two values", text + text);
        bodies.put("a key twice", "{\"" + first + "\":" + valid.get(first) + "," + text.substring(1));
        bodies.put("single quotes", text.replace('"', '\''));
        bodies.put("unquoted keys", text.replaceAll("\"(\\w+)\":", "$1:"));
        bodies.put("a comment", "/* note */" + text);
        bodies.put("NaN", "{\"" + first + "\":NaN}");
        bodies.put("a number of 2000 digits", "{\"" + first + "\":1" + "0".repeat(2000) + "}");
        bodies.put("nested 100000 deep", "[".repeat(100_000));
        bodies.put("an array", "[" + text + "]");
        bodies.put("a string", "\"" + first + "\"");
        bodies.put("a number", "12");
        bodies.put("a boolean", "true");
        if (endpoint.body().orElseThrow().isAnnotationPresent(NotNull.class)) {
            bodies.put("null", "null");
            bodies.put("nothing", "");
            bodies.put("only whitespace", " \r\n\t ");
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        bodies.forEach((name, body) -> bytes.put(name, body.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.writeBytes(("{\"" + first + "\":\"").getBytes(StandardCharsets.US_ASCII));
        invalidUtf8.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalidUtf8.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        bytes.put("invalid UTF-8", invalidUtf8.toByteArray());
        return bytes;
    }

    private static byte[] parts(Map<String, String> fields, boolean withFile) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        if (withFile) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.zip\"\r\n")
                    .append("Content-Type: application/zip\r\n\r\nPK\u0003\u0004\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<String[]> badTokens() {
        String[] parts = TestTokens.admin().split("\\.");
        String flipped = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        List<String> groups = List.of("admin");
        List<String> all = List.of("*");
        return List.of(
                new String[] {"no token", null},
                new String[] {"garbage", "Bearer garbage"},
                new String[] {"empty bearer", "Bearer "},
                new String[] {"three dots", "Bearer a.b.c"},
                new String[] {"basic credentials", "Basic YWRtaW46YWRtaW4="},
                new String[] {"a broken signature", "Bearer " + flipped},
                new String[] {"alg none", "Bearer " + none},
                new String[] {"an untrusted key", "Bearer " + TestTokens.untrusted(TestTokens.claims("fuzz", groups, all))},
                new String[] {"expired", "Bearer " + TestTokens.rsa(TestTokens.claims("fuzz", groups, all)
                        .expiresAt(Instant.now().minusSeconds(3600)))},
                new String[] {"another issuer", "Bearer " + TestTokens.rsa(TestTokens.claims("fuzz", groups, all)
                        .issuer("https://evil.example"))},
                new String[] {"another audience", "Bearer " + TestTokens.rsa(TestTokens.claims("fuzz", groups, all)
                        .audience("someone-else"))},
                new String[] {"a token twice", "Bearer " + TestTokens.admin() + " " + TestTokens.admin()});
    }

    /** The variables of a route filled with valid values: names for names, UUIDs for ids. */
    private static Map<String, String> validVariables(Surface.Route route) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String variable : route.variables()) {
            boolean id = pathConstraints(route, variable).stream()
                    .anyMatch(c -> c instanceof jakarta.validation.constraints.Pattern p && p.regexp().equals(Rules.ID_PATTERN));
            values.put(variable, id ? UUID : "fuzz-" + variable);
        }
        return values;
    }

    private static List<Annotation> pathConstraints(Surface.Route route, String variable) {
        return route.endpoints().stream().map(e -> e.pathParameter(variable)).flatMap(Optional::stream)
                .findFirst().map(p -> JsonBodies.constraints(p.getAnnotations())).orElseThrow(() ->
                        new IllegalStateException(route.rule().action() + " declares no path parameter " + variable));
    }

    private static String fill(Surface.Route route, Map<String, String> values) {
        String path = route.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static List<String> badQueryValues(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (type == int.class || type == Integer.class) {
            List<String> bad = new ArrayList<>(QUERY_NUMBERS);
            Optional.ofNullable(parameter.getAnnotation(Min.class)).ifPresent(min -> bad.add(Long.toString(min.value() - 1)));
            Optional.ofNullable(parameter.getAnnotation(Max.class)).ifPresent(max -> bad.add(Long.toString(max.value() + 1)));
            return bad;
        }
        if (type == Boolean.class) {
            return QUERY_BOOLEANS;
        }
        if (type.isEnum()) {
            List<String> values = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            return List.of("nope", values.get(0).toUpperCase(Locale.ROOT) + "X", "%00", values.get(0) + "%20", values.get(0).toUpperCase(Locale.ROOT))
                    .stream().filter(v -> !values.contains(decode(v))).toList();
        }
        List<Annotation> constraints = JsonBodies.constraints(parameter.getAnnotations());
        if (!JsonBodies.constrainsText(constraints)) {
            return List.of();
        }
        return QUERY_TEXT.stream().filter(v -> !JsonBodies.accepts(constraints, decode(v))).toList();
    }

    private static String validQueryValue(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (type == int.class || type == Integer.class) {
            return Optional.ofNullable(parameter.getAnnotation(Min.class)).map(min -> Long.toString(Math.max(min.value(), 1))).orElse("1");
        }
        if (type == Boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return encode(validText(parameter));
    }

    private static String validText(Parameter parameter) {
        return JsonBodies.validText(JsonBodies.constraints(parameter.getAnnotations()))
                .orElseThrow(() -> new IllegalStateException("no valid text for " + parameter));
    }

    private static String formName(Parameter field) {
        jakarta.ws.rs.FormParam form = field.getAnnotation(jakarta.ws.rs.FormParam.class);
        org.jboss.resteasy.reactive.RestForm rest = field.getAnnotation(org.jboss.resteasy.reactive.RestForm.class);
        return form != null ? form.value() : rest.value().isEmpty() ? field.getName() : rest.value();
    }

    private static boolean sameType(String declared, String candidate) {
        return essence(declared).equals(essence(candidate));
    }

    private static String essence(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** What a sent segment or value reads as once its percent-escapes are decoded (as UTF-8). */
    static String decode(String sent) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < sent.length(); i++) {
            char c = sent.charAt(i);
            if (c == '%' && isHex(sent, i + 1) && isHex(sent, i + 2)) {
                bytes.write(Integer.parseInt(sent.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c < 256 ? c : '?');
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int at) {
        return at < text.length() && Character.digit(text.charAt(at), 16) >= 0;
    }
}
