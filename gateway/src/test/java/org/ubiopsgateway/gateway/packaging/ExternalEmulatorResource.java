package org.ubiopsgateway.gateway.packaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.util.Map;

/**
 * Runs an emulator in the test JVM and configures the packaged gateway (which contains no emulator) to
 * reach it the production way: through {@code ubiops.api.url} and {@code ubiops.api.token}.
 */
public class ExternalEmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The service token the packaged gateway is given. */
    public static final String TOKEN = "it-token";

    private UbiOpsEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken(TOKEN));
        // Sent without the "Token " prefix on purpose: the gateway adds it.
        return Map.of("ubiops.api.url", emulator.baseUrl(), "ubiops.api.token", TOKEN);
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
