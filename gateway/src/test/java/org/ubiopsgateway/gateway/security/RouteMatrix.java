package org.ubiopsgateway.gateway.security;

import java.util.List;

import static org.ubiopsgateway.gateway.security.Role.ADMIN;
import static org.ubiopsgateway.gateway.security.Role.EDITOR;
import static org.ubiopsgateway.gateway.security.Role.NONE;
import static org.ubiopsgateway.gateway.security.Role.VIEWER;

/**
 * The design's route list written out as concrete requests with the least role each needs: the expectation the
 * {@link RouteTable} is held to, kept apart from it so a wrong row in the table cannot prove itself right.
 * Every project is {@value #PROJECT}, which does not exist upstream: allowed mutations change nothing.
 */
final class RouteMatrix {

    static final String PROJECT = "matrix-project";
    private static final String P = "/api/v1/projects/" + PROJECT;
    private static final String D = P + "/deployments/dep-1";
    private static final String V = D + "/versions/v1";

    record Case(String method, String path, Role least) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Case> CASES = List.of(
            new Case("GET", "/api/v1/me", NONE),
            new Case("GET", "/api/v1/templates", VIEWER),
            new Case("GET", "/api/v1/projects", VIEWER),
            new Case("POST", "/api/v1/projects", ADMIN),
            new Case("GET", P, VIEWER),
            new Case("PATCH", P, ADMIN),
            new Case("DELETE", P, ADMIN),
            new Case("GET", P + "/usage", VIEWER),
            new Case("GET", P + "/resources", VIEWER),
            new Case("GET", P + "/quotas", VIEWER),
            new Case("GET", P + "/instance-types", VIEWER),
            new Case("GET", P + "/overview", VIEWER),
            new Case("GET", P + "/audit", VIEWER),
            new Case("GET", P + "/requests", VIEWER),
            new Case("GET", P + "/logs", VIEWER),
            new Case("GET", P + "/users", VIEWER),
            new Case("POST", P + "/users", ADMIN),
            new Case("GET", P + "/users/u-1", VIEWER),
            new Case("DELETE", P + "/users/u-1", ADMIN),
            new Case("GET", P + "/environment-variables", VIEWER),
            new Case("POST", P + "/environment-variables", ADMIN),
            new Case("GET", P + "/environment-variables/e-1", VIEWER),
            new Case("PUT", P + "/environment-variables/e-1", ADMIN),
            new Case("DELETE", P + "/environment-variables/e-1", ADMIN),
            new Case("GET", P + "/deployments", VIEWER),
            new Case("POST", P + "/deployments", EDITOR),
            new Case("GET", D, VIEWER),
            new Case("PATCH", D, EDITOR),
            new Case("DELETE", D, EDITOR),
            new Case("GET", D + "/audit", VIEWER),
            new Case("GET", D + "/environment-variables", VIEWER),
            new Case("POST", D + "/environment-variables", EDITOR),
            new Case("POST", D + "/environment-variables/copy", EDITOR),
            new Case("GET", D + "/environment-variables/e-1", VIEWER),
            new Case("PUT", D + "/environment-variables/e-1", EDITOR),
            new Case("DELETE", D + "/environment-variables/e-1", EDITOR),
            new Case("GET", D + "/versions", VIEWER),
            new Case("POST", D + "/versions", EDITOR),
            new Case("GET", V, VIEWER),
            new Case("PATCH", V, EDITOR),
            new Case("DELETE", V, EDITOR),
            new Case("GET", V + "/environment-variables", VIEWER),
            new Case("POST", V + "/environment-variables", EDITOR),
            new Case("POST", V + "/environment-variables/copy", EDITOR),
            new Case("GET", V + "/environment-variables/effective", VIEWER),
            new Case("GET", V + "/environment-variables/e-1", VIEWER),
            new Case("PUT", V + "/environment-variables/e-1", EDITOR),
            new Case("DELETE", V + "/environment-variables/e-1", EDITOR),
            new Case("GET", V + "/revisions", VIEWER),
            new Case("POST", V + "/revisions", EDITOR),
            new Case("GET", V + "/revisions/r-1", VIEWER),
            new Case("GET", V + "/revisions/r-1/file", VIEWER),
            new Case("POST", V + "/revisions/r-1/rebuild", EDITOR),
            new Case("GET", V + "/builds/b-1", VIEWER));

    /** A caller holding exactly this role, for every project in the matrix. */
    static String token(Role role) {
        List<String> groups = role == NONE ? List.of() : List.of(role.group());
        return TestTokens.rsa(TestTokens.claims("matrix-" + role.group(), groups, List.of(PROJECT)));
    }

    private RouteMatrix() {
    }
}
