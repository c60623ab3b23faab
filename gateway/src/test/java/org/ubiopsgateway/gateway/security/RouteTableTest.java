package org.ubiopsgateway.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    @Test
    void everyRouteGrantsExactlyTheRolesAtOrAboveItsLeastRole() {
        for (RouteMatrix.Case c : RouteMatrix.CASES) {
            RouteTable.Matched matched = assertInstanceOf(RouteTable.Matched.class,
                    RouteTable.API.lookup(c.method(), c.path()), c.toString());
            for (Role caller : Role.values()) {
                assertEquals(caller.compareTo(c.least()) >= 0, caller.grants(matched.rule().role()), c + " as " + caller);
            }
        }
    }

    @Test
    void theMatrixCoversEveryRowOfTheTable() {
        Set<RouteTable.Rule> hit = new HashSet<>();
        for (RouteMatrix.Case c : RouteMatrix.CASES) {
            hit.add(((RouteTable.Matched) RouteTable.API.lookup(c.method(), c.path())).rule());
        }
        assertEquals(Set.copyOf(RouteTable.API.rules()), hit, "a row of the table nobody expects");
    }

    @Test
    void pathVariablesAreNamedForScopeAndAudit() {
        RouteTable.Matched matched = (RouteTable.Matched) RouteTable.API.lookup("PUT",
                "/api/v1/projects/p/deployments/d/versions/v/environment-variables/e");
        assertEquals(Map.of("project", "p", "deployment", "d", "version", "v", "id", "e"), matched.variables());
        assertEquals("PUT /api/v1/projects/{project}/deployments/{deployment}/versions/{version}/environment-variables/{id}",
                matched.rule().action());
    }

    @Test
    void aLiteralSegmentBeatsAVariable() {
        var copy = (RouteTable.Matched) RouteTable.API.lookup("POST", "/api/v1/projects/p/deployments/d/environment-variables/copy");
        assertTrue(copy.rule().template().endsWith("/copy"));
        var read = (RouteTable.Matched) RouteTable.API.lookup("GET", "/api/v1/projects/p/deployments/d/environment-variables/copy");
        assertEquals(Map.of("project", "p", "deployment", "d", "id", "copy"), read.variables());
    }

    @Test
    void segmentsAreDecodedOneByOneLikeJaxRsPathParameters() {
        assertEquals("demo-project", project("/api/v1/projects/demo%2Dproject"));
        assertEquals("demo-project/..", project("/api/v1/projects/demo-project%2F.."));
        assertEquals("demo%2Dproject", project("/api/v1/projects/demo%252Dproject"));
        assertEquals("a+b", project("/api/v1/projects/a+b"), "a plus is a plus in a path");
    }

    @Test
    void unknownRoutesAndMethodsAreDenied() {
        assertInstanceOf(RouteTable.UnknownRoute.class, RouteTable.API.lookup("GET", "/api/v1/nope"));
        assertInstanceOf(RouteTable.UnknownRoute.class, RouteTable.API.lookup("GET", "/api/v1"));
        assertInstanceOf(RouteTable.UnknownRoute.class, RouteTable.API.lookup("GET", "/api/v1/projects//deployments"));
        assertInstanceOf(RouteTable.UnknownRoute.class, RouteTable.API.lookup("GET", "/api/v1/projects/p/environment-variables/e/extra"));
        RouteTable.MethodNotAllowed put = assertInstanceOf(RouteTable.MethodNotAllowed.class,
                RouteTable.API.lookup("PUT", "/api/v1/projects/p"));
        assertEquals(Set.of("GET", "PATCH", "DELETE"), put.allowed());
    }

    @Test
    void headIsARead() {
        RouteTable.Matched head = assertInstanceOf(RouteTable.Matched.class, RouteTable.API.lookup("HEAD", "/api/v1/projects/p/"));
        assertEquals(Role.VIEWER, head.rule().role());
    }

    @Test
    void onlyTheApiIsCovered() {
        assertTrue(RouteTable.covers("/api/v1"));
        assertTrue(RouteTable.covers("/api/v1/me"));
        assertEquals(false, RouteTable.covers("/api/v10/me"));
        assertEquals(false, RouteTable.covers("/q/health"));
    }

    private static String project(String path) {
        return ((RouteTable.Matched) RouteTable.API.lookup("GET", path)).variables().get(RouteTable.PROJECT);
    }
}
