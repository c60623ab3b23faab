package org.ubiopsgateway.gateway.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests, on a free loopback port, with no persistence. Needs the Debian package
 * ({@code apt-get install -y redis-server}; {@code .ci/run} installs it).
 *
 * <pre>
 * RedisServer redis = RedisServer.start();
 * … configure gateway.redis.url = redis.url() …
 * redis.kill();     // an outage: the process dies at once, connections break
 * redis.restart();  // back, empty, on the same port
 * redis.stop();
 * </pre>
 */
public final class RedisServer {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port and waits until it answers {@code PING}. */
    public static RedisServer start() {
        RedisServer server = new RedisServer(freePort());
        server.launch();
        return server;
    }

    /** {@code redis://127.0.0.1:<port>}, for {@code gateway.redis.url}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server (SIGTERM) and waits for it to go. */
    public void stop() {
        end(false);
    }

    /** Kills the server (SIGKILL), as a crash would: for outage tests. {@link #restart()} brings it back. */
    public void kill() {
        end(true);
    }

    /** Starts the server again on the same port, with no data, after {@link #kill()} or {@link #stop()}. */
    public void restart() {
        launch();
    }

    private void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("redis-server is running already on port " + port);
        }
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started: is it installed? "
                    + "(apt-get install -y redis-server)", e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!pong()) {
            if (!started.isAlive() || System.nanoTime() > deadline) {
                started.destroyForcibly();
                throw new IllegalStateException("redis-server did not come up on port " + port);
            }
            sleep(20);
        }
    }

    private void end(boolean kill) {
        if (process == null) {
            return;
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean pong() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
