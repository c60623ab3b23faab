package org.ubiopsgateway.gateway.packaging;

import org.ubiopsgateway.emulator.UbiOpsEmulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway (target/quarkus-app) in a process of its own, on a free loopback port, configured the
 * production way against an emulator and the tests' signing key. For tests that need several gateways, or a
 * gateway under its own JVM options.
 */
public final class PackagedGateway implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final URI base;

    private PackagedGateway(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts one and waits until it is live. {@code jvmOptions} go before {@code -jar} (heap size, say);
     * {@code config} is passed as system properties. Its output goes to target/{@code name}.log.
     */
    public static PackagedGateway start(String name, UbiOpsEmulator emulator, List<String> jvmOptions,
                                        Map<String, String> config) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dubiops.api.url=" + emulator.baseUrl(), "-Dubiops.api.token=" + emulator.token(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1"));
        ExternalEmulatorResource.TEST_KEY.forEach((key, value) -> command.add("-D" + key + "=" + value));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedGateway gateway = new PackagedGateway(process, log, URI.create("http://127.0.0.1:" + port));
        gateway.awaitLive();
        return gateway;
    }

    public URI base() {
        return base;
    }

    public URI resolve(String path) {
        return base.resolve(path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitLive() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway stopped: " + log());
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the gateway did not start: " + log());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
