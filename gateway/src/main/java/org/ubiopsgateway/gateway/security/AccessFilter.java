package org.ubiopsgateway.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.ubiopsgateway.gateway.error.ProblemKind;
import org.ubiopsgateway.gateway.error.Problems;

/**
 * The gate of {@code /api/v1}, before resource matching, so nothing unauthorized reaches a resource or UbiOps:
 * a valid bearer token (401), a route the {@link RouteTable} knows (404, 405), the role it requires and, under
 * {@code /projects/{project}}, a project in the caller's claim (403).
 */
public class AccessFilter {

    static final String STARTED = AccessFilter.class.getName() + ".started";
    private static final String LOOKUP = AccessFilter.class.getName() + ".lookup";
    static final String SUBJECT = AccessFilter.class.getName() + ".subject";
    private static final String REALM = "Bearer realm=\"ubiops-gateway\"";

    private static final String BEARER = "Bearer ";

    private final CurrentIdentityAssociation identities;
    private final VerifiedTokens tokens;

    public AccessFilter(CurrentIdentityAssociation identities, VerifiedTokens tokens) {
        this.identities = identities;
        this.tokens = tokens;
    }

    /** The subject of the request's caller once the gate has verified its token; null before, or without one. */
    public static String subject(ContainerRequestContext request) {
        return (String) request.getProperty(SUBJECT);
    }

    /** Why the gate refuses the request's path whatever route it names (a 400), or null if it does not. */
    public static String unsupportedPath(RoutingContext routing) {
        String path = routing.normalizedPath(); // the path JAX-RS matches on: dot segments resolved, still encoded
        if (path.indexOf(';') >= 0) {
            // JAX-RS strips matrix parameters before matching ("/api/v1;x/projects/p" reaches a resource), so a path
            // carrying them would be judged here by a different path than the one served. The surface has none.
            return "Matrix parameters (';' in the path) are not supported";
        }
        if (RouteTable.covers(path) && routing.request().path().contains("//")) {
            // Vert.x folds an empty segment away: "/projects//users" would be served as the project "users".
            return "Empty path segments ('//') are not supported";
        }
        return null;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> authorize(ContainerRequestContext request, RoutingContext routing) {
        String unsupported = unsupportedPath(routing);
        if (unsupported != null) {
            return Uni.createFrom().item(Problems.response(ProblemKind.BAD_REQUEST, 400, unsupported));
        }
        String path = routing.normalizedPath();
        if (!RouteTable.covers(path)) {
            return Uni.createFrom().nullItem();
        }
        request.setProperty(STARTED, System.nanoTime());
        RouteTable.Lookup lookup = RouteTable.API.lookup(request.getMethod(), path);
        request.setProperty(LOOKUP, lookup);
        String token = bearer(routing.request().getHeader(HttpHeaders.AUTHORIZATION));
        SecurityIdentity known = token == null ? null : tokens.identity(token);
        if (known != null) {
            return Uni.createFrom().item(decide(request, lookup, known)); // this token verified on an earlier request
        }
        // Proactive authentication is off: the token is verified here, on demand, and a failure is ours to answer.
        return identities.getDeferredIdentity()
                .map(identity -> decide(request, lookup, tokens.remember(token, identity)))
                .onFailure(AuthenticationFailedException.class).recoverWithItem(() -> unauthenticated(
                        REALM + ", error=\"invalid_token\"", "The bearer token is invalid, expired or not meant for this gateway"));
    }

    /** The route the gate matched for this request; null when it matched none, or the request is not under its path. */
    public static RouteTable.Matched route(ContainerRequestContext request) {
        return request.getProperty(LOOKUP) instanceof RouteTable.Matched matched ? matched : null;
    }

    /**
     * The caller of a bearer token verified on an earlier request, if it may use {@code route}: the gate's decision
     * without Quarkus's authentication chain, for {@link org.ubiopsgateway.gateway.cache.CachedAnswers}. Null when the
     * token is not one already verified, or the caller may not use the route (the whole gate then answers).
     */
    public Caller admitted(String authorization, RouteTable.Matched route) {
        String token = bearer(authorization);
        SecurityIdentity known = token == null ? null : tokens.identity(token);
        Caller caller = known == null ? null : Caller.of(known);
        return caller != null && refusal(caller, route) == null ? caller : null;
    }

    /** Null lets the request through. */
    private Response decide(ContainerRequestContext request, RouteTable.Lookup lookup, SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return unauthenticated(REALM, "A bearer token is required");
        }
        identities.setIdentity(identity); // so CallerScope reads it without blocking
        Caller caller = Caller.of(identity);
        request.setProperty(SUBJECT, caller.subject());
        if (lookup instanceof RouteTable.MethodNotAllowed notAllowed) {
            return Problems.builder(ProblemKind.METHOD_NOT_ALLOWED, 405, "This resource does not support that method", null)
                    .header(HttpHeaders.ALLOW, String.join(", ", notAllowed.allowed())).build();
        }
        if (!(lookup instanceof RouteTable.Matched matched)) {
            return Problems.response(ProblemKind.NOT_FOUND, 404, "No such resource");
        }
        return refusal(caller, matched);
    }

    /** The role the route requires and, under {@code /projects/{project}}, the project in the caller's claim. */
    private static Response refusal(Caller caller, RouteTable.Matched matched) {
        Role required = matched.rule().role();
        if (!caller.role().grants(required)) {
            return Problems.response(ProblemKind.FORBIDDEN, 403, "This route needs the " + required.group() + " role");
        }
        String project = matched.variables().get(RouteTable.PROJECT);
        if (project != null && !caller.canSee(project)) {
            return Problems.response(ProblemKind.FORBIDDEN, 403, "The token gives no access to this project");
        }
        return null;
    }

    /** The token of an {@code Authorization: Bearer} header, as SmallRye JWT reads it by default; else null. */
    private static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).trim() : null;
    }

    private static Response unauthenticated(String challenge, String detail) {
        return Problems.builder(ProblemKind.UNAUTHENTICATED, 401, detail, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
