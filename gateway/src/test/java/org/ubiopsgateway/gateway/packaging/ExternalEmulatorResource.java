package org.ubiopsgateway.gateway.packaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs an emulator in the test JVM and configures the packaged gateway (which contains no emulator) to
 * reach it the production way: through {@code ubiops.api.url} and {@code ubiops.api.token}; and to trust the
 * TEST-ONLY key that signs the tests' tokens, the production way too.
 */
public class ExternalEmulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The service token the packaged gateway is given. */
    public static final String TOKEN = "it-token";

    /** The public key and issuer of the tests' tokens, as a production gateway is given them. */
    public static final Map<String, String> TEST_KEY = Map.of(
            "mp.jwt.verify.publickey.location", Path.of("src/test/resources/test-keys/test-only-rsa-public.pem").toAbsolutePath().toString(),
            "mp.jwt.verify.issuer", TestTokens.ISSUER,
            "mp.jwt.verify.audiences", TestTokens.AUDIENCE);

    private UbiOpsEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken(TOKEN));
        // Sent without the "Token " prefix on purpose: the gateway adds it.
        Map<String, String> config = new HashMap<>(TEST_KEY);
        config.putAll(Map.of("ubiops.api.url", emulator.baseUrl(), "ubiops.api.token", TOKEN));
        return config;
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
