package org.ubiopsgateway.gateway.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verified-token cache in front of SmallRye JWT's real verifier, with the test key and no clock skew. */
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
        tokens.parse(token);
        Thread.sleep(4100); // exp has whole seconds: past it for sure
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
    }

    @Test
    void withoutATtlEveryUseIsVerified() throws Exception {
        VerifiedTokens uncached = tokens(Duration.ZERO);
        String token = TestTokens.rsa(TestTokens.claims("again", List.of("viewer"), List.of("demo-project")));
        assertEquals("again", uncached.parse(token).getSubject());
        assertEquals(false, uncached.parse(token) == uncached.parse(token), "verified afresh each time");
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
