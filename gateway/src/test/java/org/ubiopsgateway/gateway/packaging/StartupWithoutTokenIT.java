package org.ubiopsgateway.gateway.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged gateway refuses to start without its UbiOps token or a readable public key for its callers' tokens, and says why. */
class StartupWithoutTokenIT {

    private static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    private static final List<String> TEST_KEY = ExternalEmulatorResource.TEST_KEY.entrySet().stream()
            .map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();

    @Test
    void startupWithoutTokenFailsWithClearMessage() throws Exception {
        assertRefusesToStart(TEST_KEY, "UBIOPS_API_TOKEN is not set");
    }

    @Test
    void startupWithDoubledTokenPrefixFails() throws Exception {
        assertRefusesToStart(with(TEST_KEY, "-Dubiops.api.token=Token Token abc"), "UBIOPS_API_TOKEN");
    }

    @Test
    void startupWithoutPublicKeyFailsWithClearMessage() throws Exception {
        assertRefusesToStart(List.of("-Dubiops.api.token=abc", "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set");
    }

    @Test
    void startupWithoutIssuerFailsWithClearMessage() throws Exception {
        assertRefusesToStart(List.of("-Dubiops.api.token=abc",
                "-D" + KEY_LOCATION + "=" + ExternalEmulatorResource.TEST_KEY.get(KEY_LOCATION)), "MP_JWT_VERIFY_ISSUER is not set");
    }

    @Test
    void startupWithAKeyFileThatHoldsNoKeyFailsWithClearMessage(@TempDir Path directory) throws Exception {
        Path notAKey = Files.writeString(directory.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n");
        assertRefusesToStart(List.of("-Dubiops.api.token=abc", "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                "-D" + KEY_LOCATION + "=" + notAKey), "holds no RS256 public key");
    }

    @Test
    void startupWithAKeyFileThatIsMissingFailsWithClearMessage(@TempDir Path directory) throws Exception {
        assertRefusesToStart(List.of("-Dubiops.api.token=abc", "-Dmp.jwt.verify.issuer=" + TestTokens.ISSUER,
                "-D" + KEY_LOCATION + "=" + directory.resolve("missing.pem")), "cannot be read");
    }

    private static void assertRefusesToStart(List<String> properties, String message) throws Exception {
        Process process = launch(properties);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the gateway should stop by itself");
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains(message), output);
    }

    private static List<String> with(List<String> properties, String more) {
        return Stream.concat(properties.stream(), Stream.of(more)).toList();
    }

    private static Process launch(List<String> properties) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=0"));
        command.addAll(properties);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equals("UBIOPS_API_TOKEN") || name.startsWith("MP_JWT_"));
        return builder.start();
    }
}
