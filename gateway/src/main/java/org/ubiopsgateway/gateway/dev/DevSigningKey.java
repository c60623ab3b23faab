package org.ubiopsgateway.gateway.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Dev mode's token issuer: an RSA key pair, made once and kept in a git-ignored file ({@code gateway.dev.signing-key},
 * {@code .dev/signing-key.pem} under the gateway module), verifies tokens in place of
 * {@code mp.jwt.verify.publickey.location}, signs {@code POST /dev/token}, and a ready admin token is logged. The file
 * outlives restarts and live reloads, so a token minted earlier keeps working. Exists only in the dev build, so no
 * production gateway can mint or accept such tokens.
 */
@Singleton
@IfBuildProfile("dev")
public class DevSigningKey {

    private static final Logger LOG = Logger.getLogger(DevSigningKey.class);
    static final Duration LIFESPAN = Duration.ofHours(12);

    private final KeyPair keys;
    private final String issuer;
    private final Set<String> audiences;

    public DevSigningKey(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                         @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> audiences,
                         @ConfigProperty(name = "gateway.dev.signing-key", defaultValue = ".dev/signing-key.pem") Path keyFile) {
        this.keys = DevKeyFile.loadOrCreate(keyFile);
        this.issuer = issuer;
        this.audiences = audiences;
    }

    /** Replaces the verification settings SmallRye JWT would read from config; checks the same things. */
    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), issuer);
        info.setExpectedAudience(audiences);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("groups"));
        return info;
    }

    public String sign(String subject, Collection<String> roles, Collection<String> projects) {
        return Jwt.issuer(issuer).audience(audiences).subject(subject).upn(subject)
                .groups(Set.copyOf(roles)).claim("projects", List.copyOf(projects))
                .expiresIn(LIFESPAN).jws().keyId("dev").sign(keys.getPrivate());
    }

    void announce(@Observes StartupEvent start,
                  @ConfigProperty(name = "quarkus.http.host") String host,
                  @ConfigProperty(name = "quarkus.http.port") int port) {
        String token = sign("dev-admin", List.of("admin"), List.of("*"));
        LOG.infof("Dev token (admin, every project, valid %dh; more from POST /dev/token):%n%s%n"
                        + "Try: curl -s -H 'Authorization: Bearer %s' http://%s:%d/api/v1/me",
                LIFESPAN.toHours(), token, token, host, port);
    }
}
