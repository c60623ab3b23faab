package org.ubiopsgateway.gateway.security;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Tokens for tests, signed with the committed TEST-ONLY keys the {@code %test} profile trusts. Every REST Assured
 * request carries {@link #admin()} unless it sets its own {@code Authorization} or asks for {@link #anonymous()}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.test.ubiops-gateway";
    public static final String AUDIENCE = "ubiops-gateway";
    /** A request carrying this header goes out with no token at all (the header itself is removed). */
    static final String NO_TOKEN = "X-Test-No-Token";

    private static String admin;

    private TestTokens() {
    }

    /** An admin of every project: what tests get by default. */
    public static synchronized String admin() {
        if (admin == null) {
            admin = rsa(claims("test-admin", List.of("admin"), List.of("*")));
        }
        return admin;
    }

    public static String viewer(String... projects) {
        return rsa(claims("test-viewer", List.of("viewer"), List.of(projects)));
    }

    public static String editor(String... projects) {
        return rsa(claims("test-editor", List.of("editor"), List.of(projects)));
    }

    /** Valid claims for this gateway; change or add claims before signing. */
    public static JwtClaimsBuilder claims(String subject, List<String> groups, List<String> projects) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .groups(Set.copyOf(groups)).claim("projects", projects).expiresIn(Duration.ofHours(2));
    }

    public static String rsa(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test-rsa").sign(privateKey("test-only-rsa-private.pem"));
    }

    public static String ec(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.ES256).keyId("test-ec").sign(privateKey("test-only-ec-private.pem"));
    }

    /** Signed by a key the gateway does not trust, with the trusted key's id. */
    public static String untrusted(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test-rsa").sign(privateKey("test-only-other-rsa-private.pem"));
    }

    /**
     * Makes every REST Assured request carry {@link #admin()} (see above) and fails a test whose answer contains the
     * service token; once per class loader that runs tests (FreshGatewayBeforeEachTest).
     */
    public static synchronized void installDefaults() {
        if (RestAssured.filters().stream().noneMatch(DefaultTokenFilter.class::isInstance)) {
            RestAssured.filters(new DefaultTokenFilter(), new ServiceTokenLeakFilter());
        }
    }

    /** A request with this bearer token instead of the default one. */
    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request with no {@code Authorization} header. */
    public static RequestSpecification anonymous() {
        return RestAssured.given().header(NO_TOKEN, "true");
    }

    /** A test key as a file URL (a location the test profiles can override; see EcPemKeyTest). */
    static String file(String name) {
        return java.nio.file.Path.of("src/test/resources/test-keys", name).toAbsolutePath().toUri().toString();
    }

    static String resource(String name) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("test-keys/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey privateKey(String name) {
        try {
            String pem = resource(name);
            return KeyUtils.decodePrivateKey(pem, name.contains("-ec-") ? SignatureAlgorithm.ES256 : SignatureAlgorithm.RS256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
