package org.ubiopsgateway.gateway.upstream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UpstreamTokenTest {

    @Test
    void bareTokenGetsThePrefix() {
        assertEquals("Token abc123", UpstreamToken.authorizationHeader("abc123"));
    }

    @Test
    void prefixedTokenIsKeptOnce() {
        assertEquals("Token abc123", UpstreamToken.authorizationHeader("Token abc123"));
        assertEquals("Token abc123", UpstreamToken.authorizationHeader("  token abc123 "));
    }

    @Test
    void doubledPrefixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamToken.authorizationHeader("Token Token abc123"));
    }

    @Test
    void blankOrMissingTokenIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamToken.authorizationHeader(""));
        assertThrows(IllegalArgumentException.class, () -> UpstreamToken.authorizationHeader("   "));
        assertThrows(IllegalArgumentException.class, () -> UpstreamToken.authorizationHeader("Token "));
        assertThrows(IllegalArgumentException.class, () -> UpstreamToken.authorizationHeader(null));
    }
}
