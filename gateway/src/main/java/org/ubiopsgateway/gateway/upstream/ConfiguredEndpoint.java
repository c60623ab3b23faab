package org.ubiopsgateway.gateway.upstream;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * The endpoint from {@code UBIOPS_API_URL} and {@code UBIOPS_API_TOKEN}; in force wherever no embedded emulator
 * replaces it (always in production). A missing or malformed token fails its creation with a message that says
 * what to set, and {@link UpstreamClients} creates it at start-up.
 */
@DefaultBean
@Singleton
public class ConfiguredEndpoint implements UpstreamEndpoint {

    private final URI baseUri;
    private final String authorization;

    public ConfiguredEndpoint(UpstreamConfig config) {
        this.baseUri = URI.create(config.url());
        String token = config.token().filter(t -> !t.isBlank()).orElseThrow(() -> new IllegalStateException(
                "UBIOPS_API_TOKEN is not set: the gateway needs a UbiOps API token to call " + config.url()));
        try {
            this.authorization = UpstreamToken.authorizationHeader(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public String authorization() {
        return authorization;
    }
}
