package org.ubiopsgateway.gateway.security;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import org.jose4j.jwk.JsonWebKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Without a key to verify callers' tokens every call would be refused: stop at start-up instead, saying what
 * to set. (Dev mode signs with a key of its own, generated at start.) The same for a key that is there but is none:
 * SmallRye JWT reads it on the first token only, and then refuses every caller with 401, logging nothing. A key at
 * an http(s) URL (an issuer's JWKS) is read when tokens come, not at start: the gateway does not depend on the
 * issuer being up to start.
 */
@Startup
@Singleton
@UnlessBuildProfile("dev")
public class VerificationKeyCheck {

    public VerificationKeyCheck(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                                @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                                @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                                @ConfigProperty(name = "mp.jwt.verify.publickey.algorithm") Optional<String> algorithm) {
        if (blank(location) && blank(key)) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set: the gateway needs the public key "
                    + "(PEM or JWKS, a file or a URL) that verifies its callers' tokens");
        }
        if (blank(issuer)) {
            throw new IllegalStateException("MP_JWT_VERIFY_ISSUER is not set: the gateway accepts the tokens of one issuer only");
        }
        List<SignatureAlgorithm> signatures = algorithm.map(list -> Stream.of(list.split(",")).map(String::trim)
                .map(SignatureAlgorithm::fromAlgorithm).toList()).orElse(List.of(SignatureAlgorithm.RS256));
        if (!blank(key)) {
            requireKey(key.get(), signatures, "MP_JWT_VERIFY_PUBLICKEY");
        } else if (!location.get().matches("(?i)https?://.*")) {
            String content;
            try {
                content = KeyUtils.readKeyContent(location.get());
            } catch (IOException e) {
                throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION (" + location.get()
                        + ") cannot be read: " + e.getMessage(), e);
            }
            requireKey(content, signatures, "MP_JWT_VERIFY_PUBLICKEY_LOCATION (" + location.get() + ")");
        }
    }

    /** The forms SmallRye JWT reads a verification key in: a PEM public key or certificate, a JWK or JWKS (or either in base64url). */
    private static void requireKey(String content, List<SignatureAlgorithm> algorithms, String source) {
        String text = content.trim();
        if (isJsonWebKeys(text) || isJsonWebKeys(base64Url(text)) || algorithms.stream().anyMatch(a -> isPem(text, a))) {
            return;
        }
        throw new IllegalStateException(source + " holds no " + algorithms.stream().map(SignatureAlgorithm::getAlgorithm)
                .collect(Collectors.joining(" or ")) + " public key: neither a PEM "
                + "public key or certificate nor a JWK or JWKS (MP_JWT_VERIFY_PUBLICKEY_ALGORITHM says which kind of key)");
    }

    private static boolean isJsonWebKeys(String text) {
        if (text == null || !text.startsWith("{")) {
            return false;
        }
        List<JsonWebKey> keys = KeyUtils.loadJsonWebKeys(text);
        return keys != null && !keys.isEmpty();
    }

    private static String base64Url(String text) {
        try {
            return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isPem(String text, SignatureAlgorithm algorithm) {
        try {
            if (text.contains("BEGIN CERTIFICATE")) {
                KeyUtils.getCertificate(text);
            } else {
                KeyUtils.decodePublicKey(text, algorithm);
            }
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Unset, blank, or Quarkus's placeholder for an inline key nobody set. */
    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank() && !v.equals("NONE")).isEmpty();
    }
}
