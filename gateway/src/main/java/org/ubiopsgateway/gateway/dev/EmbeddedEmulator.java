package org.ubiopsgateway.gateway.dev;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.upstream.UpstreamEndpoint;
import org.ubiopsgateway.gateway.upstream.UpstreamToken;

import java.net.URI;

/**
 * In dev mode and tests, upstream is an in-process UbiOps emulator on a free loopback port, seeded with a
 * demo project, so the gateway shows real data with no UbiOps account. Absent from the prod build (the
 * bean by its build profile, the emulator jar by {@code quarkus.class-loading.removed-artifacts}).
 * Turn it off with {@code -Dubiops.emulator.embedded=false} to use {@code UBIOPS_API_URL} instead.
 */
@Startup
@Singleton // not a proxied scope: a client proxy would run the constructor, starting a second emulator
@IfBuildProfile(anyOf = {"dev", "test"})
@IfBuildProperty(name = "ubiops.emulator.embedded", stringValue = "true", enableIfMissing = true)
public class EmbeddedEmulator implements UpstreamEndpoint {

    private static final Logger LOG = Logger.getLogger(EmbeddedEmulator.class);

    private final UbiOpsEmulator emulator;

    public EmbeddedEmulator() {
        this.emulator = UbiOpsEmulator.start(EmulatorOptions.defaults());
        LOG.infof("Embedded UbiOps emulator at %s (control endpoints at %s)", emulator.baseUrl(), emulator.controlUrl());
    }

    /** The running emulator, for tests that inject faults or read its journal. */
    public UbiOpsEmulator emulator() {
        return emulator;
    }

    @Override
    public URI baseUri() {
        return URI.create(emulator.baseUrl());
    }

    @Override
    public String authorization() {
        return UpstreamToken.authorizationHeader(emulator.token());
    }

    @PreDestroy
    void stop() {
        emulator.close();
    }
}
