package org.ubiopsgateway.gateway.upstream;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Optional;

/** The endpoint from {@code UBIOPS_API_URL} and {@code UBIOPS_API_TOKEN}. */
@DefaultBean
@ApplicationScoped
public class ConfiguredEndpoint implements UpstreamEndpoint {

    private final URI baseUri;
    private final Optional<String> authorization;

    public ConfiguredEndpoint(UpstreamConfig config) {
        this.baseUri = URI.create(config.url());
        this.authorization = config.token().filter(t -> !t.isBlank()).map(UpstreamToken::authorizationHeader);
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<String> authorization() {
        return authorization;
    }
}
