package org.ubiopsgateway.gateway.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a test profile at another TEST-ONLY key: {@code file} (under test-keys) and {@code algorithm} as init
 * arguments. A test resource rather than profile config overrides, which do not replace the {@code %test} key
 * location in this setup.
 */
public class VerificationKeyResource implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> config;

    @Override
    public void init(Map<String, String> args) {
        config = Map.of("mp.jwt.verify.publickey.location", TestTokens.file(args.get("file")),
                "mp.jwt.verify.publickey.algorithm", args.get("algorithm"));
    }

    @Override
    public Map<String, String> start() {
        return config;
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
