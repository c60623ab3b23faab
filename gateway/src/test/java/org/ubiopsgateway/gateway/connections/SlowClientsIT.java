package org.ubiopsgateway.gateway.connections;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.ubiopsgateway.emulator.EmulatorOptions;
import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.packaging.PackagedGateway;
import org.ubiopsgateway.gateway.revisions.PackageFiles;
import org.ubiopsgateway.gateway.security.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and idle clients against the packaged gateway (docs/reliability.md): while 500 idle keep-alive connections, a
 * client trickling its headers and a client that never reads its download are open, a normal request answers in
 * about the time it took before they came (a baseline measured in the same test, with a generous margin); and once
 * they fall silent, the idle timeout closes every one of them. The idle timeout is shortened to {@link #IDLE} here
 * (production: 11 minutes) so the test waits seconds, not minutes.
 */
class SlowClientsIT {

    static final Duration IDLE = Duration.ofSeconds(8);
    static final int IDLE_CONNECTIONS = 500;
    static final int SAMPLES = 20;
    /** Far more than the socket buffers of both ends hold, so the stalled download really stalls the gateway's writes. */
    static final long PACKAGE_SIZE = 64L * 1024 * 1024;
    static final String VERSION = "/api/v1/projects/demo-project/deployments/text-summarizer/versions/v1";
    static final String NORMAL = "/api/v1/projects/demo-project/deployments";
    static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");

    static UbiOpsEmulator emulator;
    static PackagedGateway gateway;
    /** Made and emptied by JUnit, after every @AfterAll has stopped the processes writing into it. */
    @TempDir
    static Path workDirectory;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        emulator = UbiOpsEmulator.start(EmulatorOptions.defaults().withToken("it-token"));
        gateway = PackagedGateway.start("slow-clients-it-gateway", emulator, List.of(),
                Map.of("quarkus.http.idle-timeout", IDLE.toSeconds() + "s",
                        "quarkus.http.body.uploads-directory", workDirectory.resolve("gateway-uploads").toString()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aNormalRequestAnswersInItsUsualTimeBesideIdleTricklingAndStalledClientsWhichTheIdleTimeoutThenCloses() throws Exception {
        String revision = uploadPackage();
        sample(SAMPLES); // warm-up
        long baseline = median(sample(SAMPLES));

        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < IDLE_CONNECTIONS; i++) {
            idle.add(keptAlive());
        }
        Socket trickling = connect("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        trickle.scheduleAtFixedRate(() -> {
            try {
                trickling.getOutputStream().write('x');
            } catch (IOException closed) {
                throw new IllegalStateException(closed);
            }
        }, 0, 500, TimeUnit.MILLISECONDS);
        Socket stalled = new Socket();
        stalled.setReceiveBufferSize(4096);
        stalled.connect(new InetSocketAddress(gateway.base().getHost(), gateway.base().getPort()), 5000);
        send(stalled, "GET " + VERSION + "/revisions/" + revision + "/file HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestTokens.admin() + "\r\n\r\n");
        Thread.sleep(1000); // the download fills the buffers between the gateway and the client that does not read

        long beside = median(sample(SAMPLES));
        System.out.printf("[slow-clients] median of %d requests: %d ms alone, %d ms beside %d idle connections, "
                + "a trickling head and a stalled download%n", SAMPLES, baseline, beside, IDLE_CONNECTIONS);
        assertTrue(beside <= 5 * baseline + 1000, "alone " + baseline + " ms, beside the slow clients " + beside + " ms");

        trickle.shutdownNow();
        Thread.sleep(IDLE.plusSeconds(4).toMillis());
        int open = 0;
        for (Socket socket : idle) {
            open += closedByTheGateway(socket) ? 0 : 1;
        }
        assertEquals(0, open, "idle keep-alive connections still open after the idle timeout");
        assertTrue(closedByTheGateway(trickling), "the connection that stopped trickling its head is closed");
        long received = drained(stalled);
        assertTrue(received < PACKAGE_SIZE, "the stalled download was cut, after " + received + " bytes");
        assertEquals(200, request().statusCode(), "the gateway still answers");
    }

    /** A package straight into the emulator (through the gateway, its idle timeout here would cut a slow upload). */
    private String uploadPackage() throws Exception {
        Path file = workDirectory.resolve("package.zip");
        PackageFiles.write(file, PACKAGE_SIZE);
        URI revisions = URI.create(emulator.baseUrl() + "/projects/demo-project/deployments/text-summarizer/versions/v1/revisions");
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(revisions)
                .header("Authorization", "Token " + emulator.token()).header("Content-Type", PackageFiles.CONTENT_TYPE)
                .timeout(Duration.ofMinutes(2)).POST(PackageFiles.multipart(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        Matcher id = Pattern.compile("\"revision\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        assertTrue(id.find(), created.body());
        return id.group(1);
    }

    private HttpResponse<String> request() throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve(NORMAL)).header("Authorization", "Bearer " + TestTokens.admin())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Milliseconds of {@code count} requests one after another, each answered 200. */
    private List<Long> sample(int count) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = request();
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertEquals(200, response.statusCode(), response.body());
        }
        return millis;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static Socket connect(String head) throws IOException {
        Socket socket = new Socket(gateway.base().getHost(), gateway.base().getPort());
        send(socket, head);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A connection that made one request, read its whole answer, and stays open as keep-alive. */
    private static Socket keptAlive() throws IOException {
        Socket socket = connect("GET /q/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            assertTrue(b >= 0, "the gateway closed a keep-alive connection at once: " + head);
            head.append((char) b);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        assertTrue(length.find(), "an answer with a length: " + head);
        in.readNBytes(Integer.parseInt(length.group(1)));
        return socket;
    }

    /** Whether the gateway closed the connection: its end of the stream, or a reset, without waiting long. */
    private static boolean closedByTheGateway(Socket socket) throws IOException {
        socket.setSoTimeout(2000);
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Reads what the gateway sent until it closed the connection; the bytes received. */
    private static long drained(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                received += n;
            }
        } catch (SocketException reset) {
            // closed by the gateway: what matters is that it ended
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the stalled download is still open after " + received + " more bytes");
        }
        return received;
    }
}
