package org.ubiopsgateway.gateway.security;

import org.jboss.resteasy.reactive.common.util.Encode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.ubiopsgateway.gateway.security.Role.ADMIN;
import static org.ubiopsgateway.gateway.security.Role.EDITOR;
import static org.ubiopsgateway.gateway.security.Role.NONE;
import static org.ubiopsgateway.gateway.security.Role.VIEWER;

/**
 * The role × route matrix: every route under {@code /api/v1} and the least role it requires. A request the
 * table does not know never reaches a resource (404, or 405 for a known path). Matched against the request
 * path itself, so it holds whatever classes serve the routes.
 */
public final class RouteTable {

    public static final String BASE = "/api/v1";
    /** The path variable whose value must be in the caller's {@code projects} claim. */
    public static final String PROJECT = "project";

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String PATCH = "PATCH";
    private static final String DELETE = "DELETE";

    private static final String P = "/projects/{project}";
    private static final String D = P + "/deployments/{deployment}";
    private static final String V = D + "/versions/{version}";

    /** GETs are reads (viewer); project administration is admin's; deployments and below are editor's. */
    public static final RouteTable API = new RouteTable(List.of(
            rule(GET, "/me", NONE),
            rule(GET, "/templates", VIEWER),

            rule(GET, "/projects", VIEWER),
            rule(POST, "/projects", ADMIN),
            rule(GET, P, VIEWER),
            rule(PATCH, P, ADMIN),
            rule(DELETE, P, ADMIN),
            rule(GET, P + "/usage", VIEWER),
            rule(GET, P + "/resources", VIEWER),
            rule(GET, P + "/quotas", VIEWER),
            rule(GET, P + "/instance-types", VIEWER),
            rule(GET, P + "/overview", VIEWER),
            rule(GET, P + "/audit", VIEWER),
            rule(GET, P + "/requests", VIEWER),
            rule(GET, P + "/logs", VIEWER),

            rule(GET, P + "/users", VIEWER),
            rule(POST, P + "/users", ADMIN),
            rule(GET, P + "/users/{id}", VIEWER),
            rule(DELETE, P + "/users/{id}", ADMIN),

            rule(GET, P + "/environment-variables", VIEWER),
            rule(POST, P + "/environment-variables", ADMIN),
            rule(GET, P + "/environment-variables/{id}", VIEWER),
            rule(PUT, P + "/environment-variables/{id}", ADMIN),
            rule(DELETE, P + "/environment-variables/{id}", ADMIN),

            rule(GET, P + "/deployments", VIEWER),
            rule(POST, P + "/deployments", EDITOR),
            rule(GET, D, VIEWER),
            rule(PATCH, D, EDITOR),
            rule(DELETE, D, EDITOR),
            rule(GET, D + "/audit", VIEWER),

            rule(GET, D + "/environment-variables", VIEWER),
            rule(POST, D + "/environment-variables", EDITOR),
            rule(POST, D + "/environment-variables/copy", EDITOR),
            rule(GET, D + "/environment-variables/{id}", VIEWER),
            rule(PUT, D + "/environment-variables/{id}", EDITOR),
            rule(DELETE, D + "/environment-variables/{id}", EDITOR),

            rule(GET, D + "/versions", VIEWER),
            rule(POST, D + "/versions", EDITOR),
            rule(GET, V, VIEWER),
            rule(PATCH, V, EDITOR),
            rule(DELETE, V, EDITOR),

            rule(GET, V + "/environment-variables", VIEWER),
            rule(POST, V + "/environment-variables", EDITOR),
            rule(POST, V + "/environment-variables/copy", EDITOR),
            rule(GET, V + "/environment-variables/effective", VIEWER),
            rule(GET, V + "/environment-variables/{id}", VIEWER),
            rule(PUT, V + "/environment-variables/{id}", EDITOR),
            rule(DELETE, V + "/environment-variables/{id}", EDITOR),

            rule(GET, V + "/revisions", VIEWER),
            rule(POST, V + "/revisions", EDITOR),
            rule(GET, V + "/revisions/{revision}", VIEWER),
            rule(GET, V + "/revisions/{revision}/file", VIEWER),
            rule(POST, V + "/revisions/{revision}/rebuild", EDITOR),
            rule(GET, V + "/builds/{build}", VIEWER)));

    private final List<Rule> rules;
    /** The rules by their number of segments, most specific first: a request is only held against rules it may match. */
    private final Map<Integer, List<Rule>> bySize;

    RouteTable(List<Rule> rules) {
        // Most specific first: a literal segment beats a variable at the same place (".../copy" over ".../{id}").
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::specificity).reversed()).toList();
        this.bySize = this.rules.stream().collect(Collectors.groupingBy(r -> r.parts().size(), Collectors.toUnmodifiableList()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Whether a (normalized) request path is under the table's base path. */
    public static boolean covers(String path) {
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /**
     * Looks up a request. {@code path} is the normalized request path, still percent-encoded; each segment is
     * decoded on its own, exactly as JAX-RS decodes a path parameter, so {@code %2F} never splits a segment.
     */
    public Lookup lookup(String method, String path) {
        List<String> segments = segments(path);
        String verb = "HEAD".equals(method) ? GET : method;
        Set<String> allowed = null;
        for (Rule rule : bySize.getOrDefault(segments.size(), List.of())) {
            if (rule.matches(segments)) {
                if (rule.method().equals(verb)) {
                    return new Matched(rule, rule.variables(segments));
                }
                if (allowed == null) {
                    allowed = new TreeSet<>();
                }
                allowed.add(rule.method());
            }
        }
        return allowed == null ? new UnknownRoute() : new MethodNotAllowed(allowed);
    }

    private static List<String> segments(String path) {
        String relative = path.substring(BASE.length());
        if (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        if (relative.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(relative.substring(1).split("/", -1)).map(Encode::decodePath).toList();
    }

    private static Rule rule(String method, String template, Role role) {
        return new Rule(method, template, role);
    }

    /** One row of the matrix; {@code parts} are the template's segments, split once (every request is matched). */
    public record Rule(String method, String template, Role role, List<String> parts) {

        Rule(String method, String template, Role role) {
            this(method, template, role, List.of(template.substring(1).split("/")));
        }

        /** The route as an audit line names it, e.g. {@code POST /api/v1/projects/{project}/users}. */
        public String action() {
            return method + " " + BASE + template;
        }

        /** Literal segments weigh more the earlier they come, so the order is total and deterministic. */
        String specificity() {
            StringBuilder key = new StringBuilder();
            for (String part : parts()) {
                key.append(isVariable(part) ? '0' : '1');
            }
            return key.toString();
        }

        /** Literal segments equal, every variable non-empty. */
        boolean matches(List<String> segments) {
            if (parts.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                String segment = segments.get(i);
                if (isVariable(part) ? segment.isEmpty() : !part.equals(segment)) {
                    return false;
                }
            }
            return true;
        }

        /** The path variables by name, of segments this rule {@link #matches}. */
        Map<String, String> variables(List<String> segments) {
            Map<String, String> variables = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                if (isVariable(part)) {
                    variables.put(part.substring(1, part.length() - 1), segments.get(i));
                }
            }
            return variables;
        }

        private static boolean isVariable(String part) {
            return part.startsWith("{");
        }
    }

    /** What the table says about a request. */
    public sealed interface Lookup permits Matched, UnknownRoute, MethodNotAllowed {
    }

    /** A known route; {@code variables} are the decoded path variables by name. */
    public record Matched(Rule rule, Map<String, String> variables) implements Lookup {
    }

    public record UnknownRoute() implements Lookup {
    }

    /** The path is known, not with this method. */
    public record MethodNotAllowed(Set<String> allowed) implements Lookup {
    }
}
