package org.ubiopsgateway.gateway.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged gateway refuses to start without its UbiOps token, and says why. */
class StartupWithoutTokenIT {

    @Test
    void startupWithoutTokenFailsWithClearMessage() throws Exception {
        Process process = launch(List.of());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the gateway should stop by itself");
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("UBIOPS_API_TOKEN is not set"), output);
    }

    @Test
    void startupWithDoubledTokenPrefixFails() throws Exception {
        Process process = launch(List.of("-Dubiops.api.token=Token Token abc"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the gateway should stop by itself");
        assertNotEquals(0, process.exitValue());
        assertTrue(output.contains("UBIOPS_API_TOKEN"), output);
    }

    private static Process launch(List<String> properties) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-Dquarkus.http.port=0"));
        command.addAll(properties);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("UBIOPS_API_TOKEN");
        return builder.start();
    }
}
