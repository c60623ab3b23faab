package org.ubiopsgateway.gateway.security;

import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Without a key to verify callers' tokens every call would be refused: stop at start-up instead, saying what
 * to set. (Dev mode signs with a key of its own, generated at start.)
 */
@Startup
@Singleton
@UnlessBuildProfile("dev")
public class VerificationKeyCheck {

    public VerificationKeyCheck(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                                @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> key,
                                @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer) {
        if (blank(location) && blank(key)) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set: the gateway needs the public key "
                    + "(PEM or JWKS, a file or a URL) that verifies its callers' tokens");
        }
        if (blank(issuer)) {
            throw new IllegalStateException("MP_JWT_VERIFY_ISSUER is not set: the gateway accepts the tokens of one issuer only");
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isEmpty();
    }
}
