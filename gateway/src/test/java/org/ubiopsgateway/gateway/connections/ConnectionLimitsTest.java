package org.ubiopsgateway.gateway.connections;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.resilience.ResilienceConfig;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection limits of docs/reliability.md against the timeouts they must not cut short. */
@QuarkusTest
class ConnectionLimitsTest {

    @Inject
    ResilienceConfig resilience;

    /**
     * While the gateway forwards a received package to UbiOps, its caller's connection is silent: the idle timeout
     * must outlast that upload's timeout, so the caller gets its answer (a 201, or a 504) rather than a closed socket.
     */
    @Test
    void theIdleTimeoutOutlastsTheLongestUploadToUbiOps() {
        Duration idle = ConfigProvider.getConfig().getValue("quarkus.http.idle-timeout", Duration.class);
        assertTrue(idle.compareTo(resilience.uploadTimeout()) > 0,
                "idle timeout " + idle + " must be longer than the upload timeout " + resilience.uploadTimeout());
    }
}
