package org.ubiopsgateway.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import javax.crypto.SecretKey;

/**
 * Remembers callers' tokens that verified, so a portal that sends the same token many times a second pays for the
 * signature check once per {@code gateway.jwt.cache-ttl} rather than on every request: verification was a quarter
 * of the CPU of a cached read. Only a byte-identical token hits, and a remembered token is checked against its own
 * {@code exp} on every use; the cost is that a verification key withdrawn from the issuer's JWKS keeps admitting
 * tokens it signed for at most the TTL.
 * <p>
 * The gate ({@link AccessFilter}) also remembers here the {@link SecurityIdentity} Quarkus built from such a token,
 * with its {@link Caller}, so a token seen again skips Quarkus's authentication chain as well: per token, not per
 * request, the same way. A {@code @Singleton}: a cache hit looks a token up here on every request, and a client
 * proxy's bean lookup was a third of that.
 */
@Alternative
@Priority(1)
@Singleton
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Cache<TokenKey, Known> verified;
    private final JWTAuthContextInfo context;
    /**
     * Read on first use, not here: reading it builds SmallRye JWT's context, whose own error for a key it cannot read
     * would then stop the start before {@link VerificationKeyCheck} refuses it naming the variable. An {@code int},
     * so the racy first reads can only each store the same value.
     */
    private int skewSeconds = -1;

    public VerifiedTokens(DefaultJWTParser verifier, JWTAuthContextInfo context, VerifiedTokensConfig config) {
        this.verifier = verifier;
        this.context = context;
        this.verified = config.cacheTtl().isZero() ? null : Caffeine.newBuilder()
                .maximumSize(config.cacheSize()).expireAfterWrite(config.cacheTtl())
                .executor(Runnable::run) // upkeep on the caller's thread: no pool thread woken per request
                .build();
    }

    /**
     * A token as the cache's key: compared whole, but hashed over its last characters only, the signature's (random
     * for a signed token). Hashing a whole JWT, a new string on every request, was 1.5 % of a cached read's CPU. Only
     * tokens that verified are stored, so a crafted tail can only meet the few real tokens that share its hash.
     */
    private record TokenKey(String token) {
        private static final int HASHED = 16;

        @Override
        public int hashCode() {
            int hash = 0;
            for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return hash;
        }
    }

    /** A token that verified, and once a request has used it, the identity built from it. */
    private static final class Known {
        final JsonWebToken token;
        /** The {@code exp} claim, read once: a claim lookup per request is a search through the token's claims. */
        final long expiresAt;
        volatile SecurityIdentity identity;

        Known(JsonWebToken token) {
            this.token = token;
            this.expiresAt = token.getExpirationTime();
        }
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (verified == null) {
            return verifier.parse(token);
        }
        Known known = known(token);
        if (known != null) {
            return known.token;
        }
        JsonWebToken fresh = verifier.parse(token); // throws for a token that no longer verifies, expired ones too
        verified.put(new TokenKey(token), new Known(fresh));
        return fresh;
    }

    /** The identity remembered for this exact token, while the token is remembered and unexpired; else null. */
    SecurityIdentity identity(String token) {
        Known known = verified == null ? null : known(token);
        return known == null ? null : known.identity;
    }

    /**
     * The identity to use for a request with this token, remembered for the next ones if Quarkus built it from the
     * token this cache verified: with the {@link Caller} read from it once, as {@link Caller#of(SecurityIdentity)}
     * finds it.
     */
    SecurityIdentity remember(String token, SecurityIdentity identity) {
        Known known = verified == null || token == null ? null : verified.getIfPresent(new TokenKey(token));
        if (known == null || identity.getPrincipal() != known.token) {
            return identity;
        }
        SecurityIdentity withCaller = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Caller.ATTRIBUTE, Caller.read(known.token)).build();
        known.identity = withCaller;
        return withCaller;
    }

    private Known known(String token) {
        Known known = verified.getIfPresent(new TokenKey(token));
        return known != null && Instant.now().getEpochSecond() <= known.expiresAt + skewSeconds()
                ? known : null;
    }

    private int skewSeconds() {
        int skew = skewSeconds;
        if (skew < 0) {
            skew = context.getClockSkew();
            skewSeconds = skew;
        }
        return skew;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
