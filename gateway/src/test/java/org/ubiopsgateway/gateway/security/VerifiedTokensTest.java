package org.ubiopsgateway.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verified-token cache in front of SmallRye JWT's real verifier, with the test key and no clock skew, and the identities it remembers. */
class VerifiedTokensTest {

    private final VerifiedTokens tokens = tokens(Duration.ofMinutes(1));

    @Test
    void aVerifiedTokenIsRememberedAndAnsweredAgain() throws Exception {
        String token = TestTokens.rsa(TestTokens.claims("repeat-caller", List.of("viewer"), List.of("demo-project")));
        assertSame(tokens.parse(token), tokens.parse(token));
        assertEquals("repeat-caller", tokens.parse(token).getSubject());
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws Exception {
        String token = TestTokens.rsa(TestTokens.claims("short-lived", List.of("viewer"), List.of("demo-project"))
                .expiresIn(Duration.ofSeconds(3)));
        tokens.remember(token, identityOf(tokens.parse(token)));
        Thread.sleep(4100); // exp has whole seconds: past it for sure
        assertNull(tokens.identity(token), "no identity outlives its token");
        assertThrows(ParseException.class, () -> tokens.parse(token));
    }

    @Test
    void aTokenThatDoesNotVerifyIsNeverRemembered() throws Exception {
        String forged = TestTokens.untrusted(TestTokens.claims("forger", List.of("admin"), List.of("*")));
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        String good = TestTokens.rsa(TestTokens.claims("someone", List.of("viewer"), List.of("demo-project")));
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        tokens.parse(good);
        assertThrows(ParseException.class, () -> tokens.parse(tampered), "a different token never hits");
        int payload = good.indexOf('.') + 1;
        String sameSignature = good.substring(0, payload) + (good.charAt(payload) == 'e' ? 'f' : 'e')
                + good.substring(payload + 1);
        assertThrows(ParseException.class, () -> tokens.parse(sameSignature),
                "nor does one that ends as a remembered token does (the cache hashes the ends only)");
    }

    @Test
    void theIdentityOfAVerifiedTokenIsRememberedWithItsCaller() throws Exception {
        String token = TestTokens.rsa(TestTokens.claims("portal-user", List.of("editor"), List.of("demo-project")));
        assertNull(tokens.identity(token), "nothing before a request has used the token");
        SecurityIdentity remembered = tokens.remember(token, identityOf(tokens.parse(token)));

        assertSame(remembered, tokens.identity(token));
        Caller caller = remembered.getAttribute(Caller.ATTRIBUTE);
        assertEquals(new Caller("portal-user", null, Role.EDITOR, Set.of("demo-project")), caller);
        assertSame(caller, Caller.of(remembered), "read once, then found on the identity");
    }

    @Test
    void anIdentityIsRememberedOnlyForTheTokenItWasBuiltFrom() throws Exception {
        String token = TestTokens.rsa(TestTokens.claims("first", List.of("viewer"), List.of("demo-project")));
        String other = TestTokens.rsa(TestTokens.claims("second", List.of("admin"), List.of("*")));
        tokens.parse(token);
        tokens.remember(token, identityOf(tokens.parse(other)));
        assertNull(tokens.identity(token), "an identity built from another token is not this token's");
        assertNull(tokens.identity(other), "nor is it remembered for a token no request has presented with it");
        String unverified = TestTokens.untrusted(TestTokens.claims("forger", List.of("admin"), List.of("*")));
        tokens.remember(unverified, identityOf(tokens.parse(token)));
        assertNull(tokens.identity(unverified), "a token that never verified has no identity");
    }

    @Test
    void withoutATtlEveryUseIsVerified() throws Exception {
        VerifiedTokens uncached = tokens(Duration.ZERO);
        String token = TestTokens.rsa(TestTokens.claims("again", List.of("viewer"), List.of("demo-project")));
        assertEquals("again", uncached.parse(token).getSubject());
        assertEquals(false, uncached.parse(token) == uncached.parse(token), "verified afresh each time");
    }

    private static SecurityIdentity identityOf(JsonWebToken token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(token.getGroups()).build();
    }

    private static VerifiedTokens tokens(Duration ttl) {
        JWTAuthContextInfo context = new JWTAuthContextInfo("test-keys/test-only-rsa-public.pem", TestTokens.ISSUER);
        context.setClockSkew(0);
        return new VerifiedTokens(new DefaultJWTParser(context), context, new VerifiedTokensConfig() {
            @Override
            public Duration cacheTtl() {
                return ttl;
            }

            @Override
            public long cacheSize() {
                return 100;
            }
        });
    }
}
