package org.ubiopsgateway.gateway.security;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces the projects routes use: list filtering and the creation check. */
class CallerScopeTest {

    record Named(String name) {
    }

    @Test
    void visibleKeepsOnlyTheClaimedProjectsInOrder() throws Exception {
        CallerScope scope = scope("{\"sub\":\"v\",\"groups\":[\"viewer\"],\"projects\":[\"sandbox\",\"demo-project\"]}");
        List<Named> all = List.of(new Named("demo-project"), new Named("Demo-Project"), new Named("other"), new Named("sandbox"));
        assertEquals(List.of(new Named("demo-project"), new Named("sandbox")), scope.visible(all, Named::name));
        assertTrue(scope.canSee("demo-project"));
        assertFalse(scope.canSee("Demo-Project"), "names compare case-sensitively");
    }

    @Test
    void everyProjectWithTheStar() throws Exception {
        CallerScope scope = scope("{\"sub\":\"a\",\"groups\":[\"admin\"],\"projects\":[\"*\"]}");
        assertEquals(3, scope.visible(List.of(new Named("a"), new Named("b"), new Named("c")), Named::name).size());
        scope.requireProjectCreation("brand-new");
    }

    @Test
    void creatingAProjectNeedsAdminAndTheNameInTheClaim() throws Exception {
        assertThrows(AccessDenied.class, () -> scope("{\"sub\":\"e\",\"groups\":[\"editor\"],\"projects\":[\"*\"]}")
                .requireProjectCreation("p"));
        assertThrows(AccessDenied.class, () -> scope("{\"sub\":\"a\",\"groups\":[\"admin\"],\"projects\":[\"q\"]}")
                .requireProjectCreation("p"));
        scope("{\"sub\":\"a\",\"groups\":[\"admin\"],\"projects\":[\"p\"]}").requireProjectCreation("p");
    }

    @Test
    void aMissingOrMalformedProjectsClaimNamesNoProject() throws Exception {
        assertFalse(scope("{\"sub\":\"a\",\"groups\":[\"admin\"]}").canSee("p"));
        assertFalse(scope("{\"sub\":\"a\",\"groups\":[\"admin\"],\"projects\":[1,{\"p\":1}]}").canSee("p"));
        assertTrue(scope("{\"sub\":\"a\",\"groups\":[\"admin\"],\"projects\":\"p\"}").canSee("p"));
    }

    private static CallerScope scope(String claims) throws Exception {
        DefaultJWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(JwtClaims.parse(claims));
        return new CallerScope(QuarkusSecurityIdentity.builder().setPrincipal(principal).build());
    }
}
